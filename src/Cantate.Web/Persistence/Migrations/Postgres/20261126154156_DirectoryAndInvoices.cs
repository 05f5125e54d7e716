using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cantate.Web.Persistence.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "Structures",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "PaymentStatusNotReported",
                table: "Structures",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ServiceCodeRequired",
                table: "Structures",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ServiceOrEngagementRequired",
                table: "Structures",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DepositFlows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SupplierStructureId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepositedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Syntax = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoragePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Report = table.Column<string>(type: "text", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StructureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    EngagementRequired = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FlowId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupplierStructureId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientStructureId = table.Column<Guid>(type: "uuid", nullable: true),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Cadre = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    IssueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    TotalWithoutVat = table.Column<decimal>(type: "numeric(19,2)", precision: 19, scale: 2, nullable: false),
                    TotalVat = table.Column<decimal>(type: "numeric(19,2)", precision: 19, scale: 2, nullable: false),
                    TotalWithVat = table.Column<decimal>(type: "numeric(19,2)", precision: 19, scale: 2, nullable: false),
                    AmountDue = table.Column<decimal>(type: "numeric(19,2)", precision: 19, scale: 2, nullable: false),
                    SupplierName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecipientSiret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ServiceCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EngagementNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    DocumentPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Syntax = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DepositedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StatusChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RejectionAcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvoiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
