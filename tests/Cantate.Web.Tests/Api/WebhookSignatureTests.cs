using System.Diagnostics;
using Cantate.Web.Modules.Api.Pages;
using Cantate.Web.Modules.Api.Webhooks;

namespace Cantate.Web.Tests.Api;

/// <summary>The shell example the screen gives integrators checks the signatures Cantate makes, and only those.</summary>
public sealed class WebhookSignatureTests : IDisposable
{
    private const string Secret = "whsec_ExempleDeSecretPourLesTests2026abcdefgh";
    private readonly string _directory = Directory.CreateTempSubdirectory("cantate-signature").FullName;

    private async Task<string> RunShellExampleAsync(string signature, string body)
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "corps.json"), body);
        var start = new ProcessStartInfo("bash", ["-c", SignatureExamples.Shell])
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["SIGNATURE"] = signature;
        start.Environment["SECRET"] = Secret;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(error.Length == 0, error);
        return output.Trim();
    }

    [Fact]
    public async Task The_documented_shell_check_accepts_a_signature_made_by_cantate()
    {
        const string body = """{"id":"0196","type":"facture.statut","data":{"motif":"Prix unitaire différent"}}""";
        var signature = WebhookSender.Signature(Secret, 1_780_000_000, body);
        Assert.Matches("^t=1780000000,v1=[0-9a-f]{64}$", signature);
        Assert.Equal("signature valide", await RunShellExampleAsync(signature, body));
    }

    [Fact]
    public async Task The_documented_shell_check_refuses_a_changed_body()
    {
        const string body = """{"id":"0196","type":"facture.statut","data":{"statut":"REJETEE"}}""";
        var signature = WebhookSender.Signature(Secret, 1_780_000_000, body);
        Assert.Equal("signature invalide", await RunShellExampleAsync(signature, body.Replace("REJETEE", "MISE_EN_PAIEMENT", StringComparison.Ordinal)));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
