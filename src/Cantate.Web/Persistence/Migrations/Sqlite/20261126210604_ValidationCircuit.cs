using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cantate.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ValidationCircuit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ValidatedAt",
                table: "Invoices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ValidatorName",
                table: "Invoices",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ValidatorServiceCode",
                table: "Invoices",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ValidatorSiret",
                table: "Invoices",
                type: "TEXT",
                maxLength: 14,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ValidatorStructureId",
                table: "Invoices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_Status_StatusChangedAt",
                table: "Invoices",
                columns: new[] { "Status", "StatusChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_ValidatorStructureId_Status_DepositedAt",
                table: "Invoices",
                columns: new[] { "ValidatorStructureId", "Status", "DepositedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Invoices_Structures_ValidatorStructureId",
                table: "Invoices",
                column: "ValidatorStructureId",
                principalTable: "Structures",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Invoices_Structures_ValidatorStructureId",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_Status_StatusChangedAt",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_ValidatorStructureId_Status_DepositedAt",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ValidatedAt",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ValidatorName",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ValidatorServiceCode",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ValidatorSiret",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "ValidatorStructureId",
                table: "Invoices");
        }
    }
}
