using System.Globalization;
using System.Text.Json;
using Cantate.Web.Hosting;
using Cantate.Web.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cantate.Web.Modules.Notifications;

/// <summary>An e-mail to one recipient, in French plain text.</summary>
public sealed record EmailMessage(string To, string Subject, string Body);

public static class EmailOutbox
{
    public const string Kind = "email";

    /// <summary>Queues an e-mail in the current unit of work; it leaves once the transaction commits.</summary>
    public static void EnqueueEmail(this CantateDbContext db, EmailMessage message, DateTime now) => db.Enqueue(Kind, message, now);
}

public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends through the configured SMTP server.</summary>
public sealed class SmtpEmailTransport(IOptions<CantateOptions> options) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = 30_000 };
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Writes each e-mail as an .eml file under DataDirectory/outbox, for machines without a mail server.</summary>
public sealed class FileEmailTransport(IOptions<CantateOptions> options, TimeProvider clock) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var directory = Path.Combine(options.Value.ResolveDataDirectory(), "outbox");
        Directory.CreateDirectory(directory);
        var name = string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml");
        var temporary = Path.Combine(directory, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(directory, name));
    }
}

public sealed class EmailOutboxHandler(IEmailTransport transport, IOptions<CantateOptions> options) : IOutboxHandler
{
    public string Kind => EmailOutbox.Kind;

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var email = JsonSerializer.Deserialize<EmailMessage>(payload)
            ?? throw new InvalidOperationException("Empty e-mail payload.");
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.Smtp.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.Body = new TextPart("plain") { Text = email.Body };
        await transport.SendAsync(message, cancellationToken);
    }
}

public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, CantateOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Smtp.Host))
        {
            services.AddSingleton<IEmailTransport, FileEmailTransport>();
        }
        else
        {
            services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        }
        services.AddScoped<IOutboxHandler, EmailOutboxHandler>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        return services;
    }
}
