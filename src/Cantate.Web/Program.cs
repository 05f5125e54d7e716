using Cantate.Sirene;
using Cantate.Web.Hosting;
using Cantate.Web.Modules.Accounts;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Api;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;
using Microsoft.AspNetCore.DataProtection;

var builder = WebApplication.CreateBuilder(args);
var options = builder.Configuration.GetSection(CantateOptions.Section).Get<CantateOptions>() ?? new CantateOptions();
var dataDirectory = options.ResolveDataDirectory();
Directory.CreateDirectory(dataDirectory);

builder.Services.Configure<CantateOptions>(builder.Configuration.GetSection(CantateOptions.Section));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDataProtection()
    .SetApplicationName("Cantate")
    .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
builder.Services.AddPersistence(builder.Configuration, options);
builder.Services.AddCantateSirene(new SireneOptions
{
    Source = Enum.TryParse<SireneSource>(options.Sirene.Source, ignoreCase: true, out var source) ? source
        : throw new InvalidOperationException($"Cantate__Sirene__Source '{options.Sirene.Source}' is unknown: use Offline or Insee."),
    BaseUrl = options.Sirene.BaseUrl,
    ApiKey = options.Sirene.ApiKey,
    OfflineStorePath = Path.Combine(dataDirectory, "sirene.db"),
    SeedDemoData = options.SeedDemoData,
});
builder.Services.AddNotifications(options);
builder.Services.AddAccounts();
builder.Services.AddStructures();
builder.Services.AddAnnuaire();
builder.Services.AddInvoices();
builder.Services.AddApi(options);
builder.Services.AddWebSecurity(options);
builder.Services.AddRazorPages(o => o.RootDirectory = "/Modules");

var app = builder.Build();

// Ready means migrated and with a SIRENE store: only then does Kestrel listen and /health answer.
await app.Services.MigrateDatabaseAsync();
await app.Services.GetRequiredService<ISireneDirectory>().EnsureSireneStoreAsync();
await app.Services.SeedAnnuaireDemoDataAsync();

app.UseExceptionHandler("/erreur");
app.UseStatusCodePagesWithReExecute("/erreur/{0}");
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.MapStaticAssets();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages().WithStaticAssets();
app.MapApi();
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
