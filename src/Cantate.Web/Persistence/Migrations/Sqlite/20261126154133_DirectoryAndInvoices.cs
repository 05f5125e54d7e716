using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cantate.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DirectoryAndInvoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "EngagementRequired",
                table: "Structures",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "Structures",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "PaymentStatusNotReported",
                table: "Structures",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ServiceCodeRequired",
                table: "Structures",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ServiceOrEngagementRequired",
                table: "Structures",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DepositFlows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SupplierStructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepositedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Syntax = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoragePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Report = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepositFlows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DepositFlows_Structures_SupplierStructureId",
                        column: x => x.SupplierStructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StructureServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    EngagementRequired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StructureServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StructureServices_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Invoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FlowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierStructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientStructureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Cadre = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    IssueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    TotalWithoutVat = table.Column<decimal>(type: "TEXT", precision: 19, scale: 2, nullable: false),
                    TotalVat = table.Column<decimal>(type: "TEXT", precision: 19, scale: 2, nullable: false),
                    TotalWithVat = table.Column<decimal>(type: "TEXT", precision: 19, scale: 2, nullable: false),
                    AmountDue = table.Column<decimal>(type: "TEXT", precision: 19, scale: 2, nullable: false),
                    SupplierName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecipientSiret = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EngagementNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DocumentPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Syntax = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DepositedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RejectionAcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invoices_DepositFlows_FlowId",
                        column: x => x.FlowId,
                        principalTable: "DepositFlows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Invoices_Structures_RecipientStructureId",
                        column: x => x.RecipientStructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Invoices_Structures_SupplierStructureId",
                        column: x => x.SupplierStructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InvoiceEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ActorKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoiceEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvoiceEvents_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DepositFlows_Number",
                table: "DepositFlows",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DepositFlows_SupplierStructureId_ReceivedAt",
                table: "DepositFlows",
                columns: new[] { "SupplierStructureId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceEvents_InvoiceId_Id",
                table: "InvoiceEvents",
                columns: new[] { "InvoiceId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_FlowId",
                table: "Invoices",
                column: "FlowId");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_RecipientStructureId_Status_DepositedAt",
                table: "Invoices",
                columns: new[] { "RecipientStructureId", "Status", "DepositedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_SupplierStructureId_DepositedAt",
                table: "Invoices",
                columns: new[] { "SupplierStructureId", "DepositedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_SupplierStructureId_Number",
                table: "Invoices",
                columns: new[] { "SupplierStructureId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StructureServices_StructureId_Code",
                table: "StructureServices",
                columns: new[] { "StructureId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InvoiceEvents");

            migrationBuilder.DropTable(
                name: "StructureServices");

            migrationBuilder.DropTable(
                name: "Invoices");

            migrationBuilder.DropTable(
                name: "DepositFlows");

            migrationBuilder.DropColumn(
                name: "EngagementRequired",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "IsActive",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "PaymentStatusNotReported",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "ServiceCodeRequired",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "ServiceOrEngagementRequired",
                table: "Structures");
        }
    }
}
