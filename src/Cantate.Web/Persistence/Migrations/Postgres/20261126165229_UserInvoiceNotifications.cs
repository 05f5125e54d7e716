using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cantate.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UserInvoiceNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "InvoiceNotifications",
                table: "Users",
                type: "boolean",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InvoiceNotifications",
                table: "Users");
        }
    }
}
