using Cantate.Web.Hosting;
using Cantate.Web.Modules.Notifications;
using Microsoft.Extensions.Options;

namespace Cantate.Web.Modules.Accounts;

/// <summary>The texts of the account e-mails and the links they carry.</summary>
public sealed partial class AccountEmails(IOptions<CantateOptions> options, ILogger<AccountEmails> logger)
{
    public static readonly TimeSpan ActivationLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan RecoveryLifetime = TimeSpan.FromHours(1);

    private string Link(string path, string token) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}{path}?jeton={Uri.EscapeDataString(token)}";

    public EmailMessage Activation(User user, string structureName, string token)
    {
        ArgumentNullException.ThrowIfNull(user);
        var link = Link("/compte/activer", token);
        if (string.IsNullOrWhiteSpace(options.Value.Smtp.Host))
        {
            // Without a mail server the newcomer still needs the link: the .eml file and this log line carry it.
            LogActivationLink(logger, user.LoginEmail, link);
        }
        return new EmailMessage(user.LoginEmail, "Activez votre compte Cantate",
            $"""
            Bonjour {user.DisplayName},

            Votre compte utilisateur pour la structure {structureName} a été créé sur Cantate.
            Pour l'activer, choisissez votre mot de passe et votre question secrète en suivant ce lien :

            {link}

            Ce lien est valable 24 heures et ne sert qu'une fois. S'il a expiré, demandez-en un nouveau
            depuis la page « Se connecter » (« Renvoyer le courriel d'activation »).

            Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : aucun compte ne sera activé.
            """);
    }

    public EmailMessage AddressAlreadyRegistered(string loginEmail) =>
        new(loginEmail, "Tentative de création de compte Cantate",
            $"""
            Bonjour,

            Quelqu'un a demandé la création d'un compte Cantate avec cette adresse électronique, mais un compte
            l'utilise déjà. Si c'était vous, connectez-vous avec cette adresse ; si vous avez oublié votre mot de
            passe, utilisez « Mot de passe oublié » sur la page de connexion :

            {options.Value.PublicBaseUrl.TrimEnd('/')}/mot-de-passe-oublie

            Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.
            """);

    public EmailMessage PasswordRecovery(User user, string token)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new EmailMessage(user.LoginEmail, "Réinitialisation de votre mot de passe Cantate",
            $"""
            Bonjour {user.DisplayName},

            Vous avez demandé à réinitialiser votre mot de passe. Suivez ce lien, valable une heure et une seule fois ;
            la réponse à votre question secrète vous sera demandée :

            {Link("/mot-de-passe/reinitialiser", token)}

            Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.
            """);
    }

    public static EmailMessage PasswordChanged(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new EmailMessage(user.LoginEmail, "Votre mot de passe Cantate a été modifié",
            $"""
            Bonjour {user.DisplayName},

            Le mot de passe de votre compte Cantate vient d'être modifié. Si vous n'êtes pas à l'origine de ce
            changement, réinitialisez immédiatement votre mot de passe et prévenez le gestionnaire de votre structure.
            """);
    }

    public EmailMessage RattachementRequested(User manager, User requester, string structureName) =>
        new(manager.ContactEmail, $"Demande de rattachement à {structureName}",
            $"""
            Bonjour {manager.DisplayName},

            {requester.DisplayName} ({requester.LoginEmail}) demande à être rattaché(e) à la structure {structureName}.
            En tant que gestionnaire, acceptez ou refusez cette demande sur Cantate :

            {options.Value.PublicBaseUrl.TrimEnd('/')}/structure/rattachements
            """);

    public static EmailMessage RattachementDecided(User requester, string structureName, bool accepted) =>
        new(requester.ContactEmail,
            accepted ? $"Votre rattachement à {structureName} est accepté" : $"Votre demande de rattachement à {structureName} est refusée",
            accepted
                ? $"""
                  Bonjour {requester.DisplayName},

                  Le gestionnaire de la structure {structureName} a accepté votre demande de rattachement.
                  Ses espaces de travail sont désormais accessibles depuis votre page d'accueil Cantate.
                  """
                : $"""
                  Bonjour {requester.DisplayName},

                  Le gestionnaire de la structure {structureName} a refusé votre demande de rattachement.
                  Rapprochez-vous de lui si vous pensez qu'il s'agit d'une erreur.
                  """);

    [LoggerMessage(Level = LogLevel.Information, Message = "No SMTP server configured: activation link for {Email}: {Link}")]
    private static partial void LogActivationLink(ILogger logger, string email, string link);
}
