using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cantate.Web.Persistence.Migrations.Postgres
{
    /// <summary>
    /// "Factures reçues" filtered on part of the supplier's name runs upper("SupplierName") LIKE '%...%'. Without an
    /// index on that expression PostgreSQL has no statistics for it, guesses that almost no row matches, and reads the
    /// whole table (2 s with a million invoices). The trigram index answers rare names directly, and ANALYZE keeps
    /// statistics on its expression, so frequent names walk the (recipient, deposit date) index instead. EF Core cannot
    /// model an index on an expression, hence the SQL; pg_trgm is a trusted extension (PostgreSQL 13+): the database
    /// owner may create it.
    /// </summary>
    public partial class InvoiceSupplierNameSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_Invoices_SupplierName_Trigrams" ON "Invoices" USING gin (upper("SupplierName") gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Invoices_SupplierName_Trigrams";""");
        }
    }
}
