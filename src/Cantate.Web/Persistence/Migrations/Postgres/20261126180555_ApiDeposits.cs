using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cantate.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ApiDeposits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DepositedBy",
                table: "DepositFlows",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DepositedBy",
                table: "DepositFlows");
        }
    }
}
