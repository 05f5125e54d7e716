using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Cantate.Web.Modules.Api.Webhooks;

/// <summary>The "Cantate:Webhooks" configuration section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Cantate:Webhooks";

    /// <summary>
    /// Lets subscriptions reach loopback and private networks, over http too (a receiver on the same machine or
    /// network, and tests). Off by default: webhooks then only go to public addresses over https.
    /// </summary>
    public bool AllowInsecureUrls { get; set; }
}

/// <summary>A subscription the platform refuses; the message says why, in French, and <see cref="Field"/> which field to fix.</summary>
public sealed class WebhookRefusedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;

    public static WebhookRefusedException Url(string message) => new("Adresse", message);
}

/// <summary>
/// Where webhooks may go. A structure's URL must not let it reach the platform's own network (SSRF): the host is
/// resolved and every address checked when the subscription is made, and again when each connection is opened,
/// so a DNS answer that changes later cannot point a delivery inside.
/// </summary>
public sealed class WebhookAddresses(IOptions<WebhookOptions> options)
{
    private bool AllowInsecure => options.Value.AllowInsecureUrls;

    /// <summary>Checks a URL typed by a gestionnaire; returns it normalised or throws with the reason.</summary>
    public async Task<Uri> CheckAsync(string? url, CancellationToken cancellationToken)
    {
        var text = url?.Trim() ?? string.Empty;
        if (text.Length == 0) throw WebhookRefusedException.Url("Indiquez l'adresse (URL) qui recevra les notifications.");
        if (text.Length > 500) throw WebhookRefusedException.Url("L'adresse ne doit pas dépasser 500 caractères.");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
            throw WebhookRefusedException.Url("L'adresse doit être une URL complète commençant par https://, par exemple https://erp.exemple.fr/cantate/notifications.");
        if (!string.IsNullOrEmpty(uri.UserInfo))
            throw WebhookRefusedException.Url("L'adresse ne doit pas contenir d'identifiant ni de mot de passe : vérifiez la signature des notifications à la place.");
        if (!string.IsNullOrEmpty(uri.Fragment)) throw WebhookRefusedException.Url("L'adresse ne doit pas contenir de fragment (#...).");
        var addresses = await ResolveAsync(uri.IdnHost, cancellationToken);
        foreach (var address in addresses)
        {
            if (Refusal(address, uri.Scheme) is { } reason) throw WebhookRefusedException.Url($"L'adresse {uri.Host} ({address}) est refusée : {reason}");
        }
        return uri;
    }

    /// <summary>Opens the connection of a delivery to an allowed address of the host, trying each in turn.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scheme = context.InitialRequestMessage.RequestUri?.Scheme ?? "https";
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        var allowed = addresses.Where(a => Refusal(a, scheme) is null).ToList();
        if (allowed.Count == 0)
            throw WebhookRefusedException.Url($"{context.DnsEndPoint.Host} ({string.Join(", ", addresses.Select(a => a.ToString()))}) : {Refusal(addresses[0], scheme)}");
        for (var i = 0; ; i++)
        {
            var socket = new Socket(allowed[i].AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed[i], context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException) when (i < allowed.Count - 1)
            {
                socket.Dispose();
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }

    /// <summary>Why the platform will not call this address with this scheme, or null when it may.</summary>
    public string? Refusal(IPAddress address, string scheme)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (IsPublic(address))
        {
            return scheme == "https" ? null : "les notifications vers une adresse publique passent par https, pour que personne ne puisse les lire en chemin.";
        }
        return AllowInsecure ? null
            : "c'est une adresse locale ou privée, que la plateforme n'appelle pas ; utilisez l'adresse publique (https) de votre serveur.";
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal)) return [literal];
        try
        {
            var found = await Dns.GetHostAddressesAsync(host, cancellationToken);
            return found.Length > 0 ? found : throw WebhookRefusedException.Url($"Le nom {host} n'a pas d'adresse (DNS) : vérifiez l'URL.");
        }
        catch (SocketException)
        {
            throw WebhookRefusedException.Url($"Le nom {host} est introuvable (DNS) : vérifiez l'URL.");
        }
    }

    /// <summary>True for an address of the public internet; false for loopback, private, link-local, shared, reserved...</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return false;
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !(b[0] is 0 or 10 or 127 or >= 224 // "this network", private, loopback, multicast and reserved
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128) // shared address space (CGNAT)
                || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2) // IETF protocol assignments, documentation
                || (b[0] == 198 && b[1] is 18 or 19) // benchmarking
                || (b[0] == 198 && b[1] == 51 && b[2] == 100) || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return false;
        return !(address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (b[0] & 0xFE) == 0xFC // unique local fc00::/7
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) // documentation
            || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B) // NAT64, which reaches IPv4 addresses
            || b[0] == 0); // unspecified, IPv4-compatible
    }
}
