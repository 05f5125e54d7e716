using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cantate.Web.Persistence.Migrations.Sqlite
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
                type: "TEXT",
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
