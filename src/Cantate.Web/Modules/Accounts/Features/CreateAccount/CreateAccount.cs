using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Accounts.Features.CreateAccount;

/// <summary>
/// Step 3, "Ouvrez vos espaces de travail", and the rattachement path: creates the user (waiting for
/// activation), the structure when it is new (the user becomes its gestionnaire principal) or a pending
/// rattachement when it exists, and queues the e-mails, all in one transaction.
/// </summary>
public sealed class CreateAccount(CantateDbContext db, AccountEmails emails, TimeProvider clock)
{
    public enum Outcome
    {
        AccountCreated,
        RattachementRequested,
    }

    public Task<Outcome> HandleAsync(AccountRequestDraft draft, IReadOnlySet<Workspace> chosenWorkspaces, CancellationToken cancellationToken) =>
        HandleAsync(draft, chosenWorkspaces, retryOnConflict: true, cancellationToken);

    private async Task<Outcome> HandleAsync(AccountRequestDraft draft, IReadOnlySet<Workspace> chosenWorkspaces, bool retryOnConflict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!draft.InformationComplete) throw new InvalidOperationException("Step 2 is not complete.");
        var now = clock.GetUtcNow().UtcDateTime;
        var normalized = User.Normalize(draft.LoginEmail);

        var structure = draft.ExistingStructureId is { } existingId
            ? await db.Structures.FirstOrDefaultAsync(s => s.Id == existingId, cancellationToken)
            : await db.Structures.FirstOrDefaultAsync(s => s.Siret == draft.Siret, cancellationToken);
        // A structure already listed (from the directory) but without a gestionnaire is claimed by its first user.
        var hasManager = structure is not null && await db.HasManagerAsync(structure.Id, cancellationToken);
        var outcome = hasManager ? Outcome.RattachementRequested : Outcome.AccountCreated;

        if (await db.Users.AnyAsync(u => u.NormalizedLoginEmail == normalized, cancellationToken))
        {
            // Same answer as a success, so the page does not tell who has an account; the owner of the address is told.
            db.EnqueueEmail(emails.AddressAlreadyRegistered(draft.LoginEmail), now);
            await db.SaveChangesAsync(cancellationToken);
            return outcome;
        }

        var user = new User
        {
            LoginEmail = draft.LoginEmail,
            NormalizedLoginEmail = normalized,
            ContactEmail = draft.ContactEmail ?? draft.LoginEmail,
            LastName = draft.LastName!,
            FirstName = draft.FirstName!,
            Status = UserStatus.EnAttenteActivation,
            CreatedAt = now,
        };
        db.Users.Add(user);

        if (!hasManager)
        {
            if (structure is null)
            {
                structure = new Structure
                {
                    Siret = draft.Siret,
                    RaisonSociale = draft.RaisonSociale!,
                    CategorieJuridique = draft.CategorieJuridique,
                    IsPublic = draft.IsPublic,
                    NonDiffusible = draft.NonDiffusible,
                    CreatedAt = now,
                };
                db.Structures.Add(structure);
                if (structure.IsPublic)
                {
                    // A public structure receives invoices from the start, through its default service.
                    db.StructureServices.Add(new StructureService
                    {
                        StructureId = structure.Id,
                        Code = StructureService.DefaultCode,
                        Label = StructureService.DefaultLabel,
                    });
                }
            }
            structure.RaisonSociale = draft.RaisonSociale!;
            structure.AddressLine = draft.AddressLine;
            structure.AddressComplement = draft.AddressComplement;
            structure.PostalCode = draft.PostalCode;
            structure.City = draft.City;
            structure.CountryCode = draft.CountryCode;
            structure.DepositsPaymentRequests = draft.DepositsPaymentRequests;
            structure.UsesDume = draft.UsesDume;
            var offered = Workspaces.OfferedAtCreation(draft.UsesDume).ToHashSet();
            db.Memberships.Add(new Membership
            {
                StructureId = structure.Id,
                UserId = user.Id,
                Role = StructureRole.GestionnairePrincipal,
                Status = MembershipStatus.Validee,
                WorkspaceList = Workspaces.Serialize(chosenWorkspaces.Where(offered.Contains)),
                RequestedAt = now,
                DecidedAt = now,
            });
        }
        else
        {
            ArgumentNullException.ThrowIfNull(structure);
            db.Memberships.Add(new Membership
            {
                StructureId = structure.Id,
                UserId = user.Id,
                Role = StructureRole.UtilisateurSimple,
                Status = MembershipStatus.EnCoursDeValidation,
                WorkspaceList = Workspaces.Serialize(Workspaces.DefaultsFor(structure.IsPublic, draft.DepositsPaymentRequests)),
                RequestedAt = now,
            });
            var managers = await db.Memberships
                .Where(m => m.StructureId == structure.Id && m.Status == MembershipStatus.Validee
                    && (m.Role == StructureRole.GestionnairePrincipal || m.Role == StructureRole.GestionnaireSecondaire))
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u)
                .ToListAsync(cancellationToken);
            foreach (var manager in managers)
            {
                db.EnqueueEmail(emails.RattachementRequested(manager, user, structure.RaisonSociale), now);
            }
        }

        var token = db.Issue(user.Id, TokenPurpose.Activation, now, AccountEmails.ActivationLifetime);
        db.EnqueueEmail(emails.Activation(user, structure.RaisonSociale, token), now);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (retryOnConflict)
        {
            // Someone created the same structure or used the same address meanwhile: start again from the database's state.
            db.ChangeTracker.Clear();
            return await HandleAsync(draft, chosenWorkspaces, retryOnConflict: false, cancellationToken);
        }
        return outcome;
    }
}
