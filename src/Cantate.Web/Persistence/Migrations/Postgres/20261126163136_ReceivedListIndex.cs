using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cantate.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReceivedListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Invoices_RecipientStructureId_DepositedAt_Id",
                table: "Invoices",
                columns: new[] { "RecipientStructureId", "DepositedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Invoices_RecipientStructureId_DepositedAt_Id",
                table: "Invoices");
        }
    }
}
