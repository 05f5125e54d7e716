namespace Cantate.Web.Modules.Api.Pages;

/// <summary>The ready-to-paste examples of the "Raccordement EDI et API" screen.</summary>
public static class SignatureExamples
{
    /// <summary>Gets a token, then calls the health check with the technical account: the first call an integrator makes.</summary>
    public static string Curl(string baseUrl, string clientId, string secret, string cproAccount) =>
        $"""
        JETON=$(curl -s -X POST '{baseUrl}/api/oauth/token' -d grant_type=client_credentials \
          -d 'client_id={clientId}' -d 'client_secret={secret}' -d scope=openid \
          | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
        curl -s '{baseUrl}/cpro/transverses/v1/health-check' \
          -H "Authorization: Bearer $JETON" -H 'cpro-account: {cproAccount}'
        """;

    public const string CSharp =
        """
        using System.Globalization;
        using System.Security.Cryptography;
        using System.Text;

        // secret : le secret de signature affiché à l'abonnement (whsec_...) ;
        // entete : la valeur de l'en-tête Cantate-Signature ; corps : le corps reçu, tel quel, sans le reformater.
        static bool SignatureValide(string secret, string entete, string corps)
        {
            var parties = entete.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            var t = long.Parse(parties["t"], CultureInfo.InvariantCulture);
            // Refuser une notification trop ancienne protège contre le rejeu.
            if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - t) > 300) return false;
            var attendue = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(parties["t"] + "." + corps));
            return CryptographicOperations.FixedTimeEquals(attendue, Convert.FromHexString(parties["v1"]));
        }
        """;

    public const string Shell =
        """
        # SIGNATURE : la valeur de l'en-tête Cantate-Signature ; corps.json : le corps reçu, octet pour octet.
        t=${SIGNATURE#t=}; t=${t%%,*}
        v1=${SIGNATURE##*v1=}
        attendue=$( { printf '%s.' "$t"; cat corps.json; } | openssl dgst -sha256 -hmac "$SECRET" | sed 's/^.*= //')
        [ "$attendue" = "$v1" ] && echo "signature valide" || echo "signature invalide"
        """;
}
