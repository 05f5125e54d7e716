using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cantate.Web.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
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
