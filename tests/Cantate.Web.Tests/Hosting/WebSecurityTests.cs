using System.Net;
using Cantate.Testing;

namespace Cantate.Web.Tests.Hosting;

public sealed class WebSecurityTests() : PortalTest(TestDatabase.Sqlite)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Cantate:RateLimits:SignInPerMinute"] = "3",
    };

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused()
    {
        var page = await Client.PostAsync("/compte/creer", [new("LoginEmail", "a@exemple.fr"), new("Siret", "84321765400014")]);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Le formulaire a expiré", page.Text);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_address()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await AccountJourney.SignInAsync(Client, "x@exemple.fr", "faux")).Status);
        }
        using var form = await Client.Http.GetAsync(new Uri("/connexion", UriKind.Relative));
        var limited = await AccountJourney.SignInAsync(Client, "x@exemple.fr", "faux");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Contains("Trop de tentatives", limited.Text);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        using var response = await Client.Http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site()
    {
        var email = NewEmail();
        await AccountJourney.CreateAsync(Client, email, "84321765400014");
        await AccountJourney.ActivateAsync(Factory, Client, email);

        using var raw = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var form = await raw.GetAsync(new Uri("/connexion", UriKind.Relative));
        var antiforgeryCookie = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cantate.antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        var html = await form.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__jeton\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connexion")
        {
            Content = new FormUrlEncodedContent([new("LoginEmail", email), new("Password", AccountJourney.Password), new("__jeton", token)]),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        using var signedIn = await raw.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cantate.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_health_endpoint_answers_when_the_application_is_ready()
    {
        using var response = await Client.Http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/compte/creer")]
    [InlineData("/connexion")]
    [InlineData("/mot-de-passe-oublie")]
    [InlineData("/compte/activation/renvoyer")]
    public async Task Hostile_or_absurd_input_never_causes_a_server_error(string path)
    {
        string[] values = ["", new string('9', 100_000), "<script>alert(1)</script>", "' OR 1=1 --", "\u0000\u202e\ud83d\ude00", "é@é.é", "130 025 265 00013 "];
        foreach (var value in values)
        {
            var form = await Client.GetAsync(path);
            var page = await Client.SubmitAsync(form, PortalClient.Fields(("LoginEmail", value), ("Siret", value), ("Password", value)));
            Assert.NotEqual(HttpStatusCode.InternalServerError, page.Status);
            Assert.DoesNotContain("<script>alert(1)</script>", page.Document.Body!.InnerHtml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_activation_page_with_a_forged_token_says_the_link_is_not_valid()
    {
        foreach (var token in new[] { "", "abc", new string('x', 5000), "%00" })
        {
            var page = await Client.GetAsync("/compte/activer?jeton=" + Uri.EscapeDataString(token));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("n'est plus valable", page.Text);
        }
    }
}
