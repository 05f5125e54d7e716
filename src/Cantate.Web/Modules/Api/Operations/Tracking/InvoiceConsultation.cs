using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Invoices.Features.ProcessInvoice;
using Cantate.Web.Persistence;

namespace Cantate.Web.Modules.Api.Operations.Tracking;

/// <summary>
/// <c>factures/v1/consulter/fournisseur</c> (an invoice the caller's structure issued) and
/// <c>factures/v1/consulter/recipiendaire</c> (one made available to it) and <c>factures/v1/consulter/valideur</c>
/// (an A9/A12 invoice the caller's structure validates): the <c>facture</c> object of Chorus Pro,
/// from the invoice record, the directory and the deposited document (lines and VAT breakdown). Each side only
/// consults its own invoices; any other id is "n'existe pas" (20000).
/// </summary>
public sealed class InvoiceConsultation(TrackedInvoices tracked, InvoiceActions actions, InvoiceDocumentContent content, CantateDbContext db)
{
    public Task<IResult> AsSupplierAsync(HttpContext http, CancellationToken cancellationToken) =>
        ConsultAsync(http, InvoiceSide.Supplier, cancellationToken);

    public Task<IResult> AsRecipientAsync(HttpContext http, CancellationToken cancellationToken) =>
        ConsultAsync(http, InvoiceSide.Recipient, cancellationToken);

    /// <summary><c>factures/v1/consulter/valideur</c>: an A9/A12 invoice whose designated valideur is the caller's structure.</summary>
    public Task<IResult> AsValidatorAsync(HttpContext http, CancellationToken cancellationToken) =>
        ConsultAsync(http, InvoiceSide.Validator, cancellationToken);

    private async Task<IResult> ConsultAsync(HttpContext http, InvoiceSide side, CancellationToken cancellationToken)
    {
        var request = CproCaller.RequestOf(http);
        var viewed = await tracked.FindAsync(CproCaller.Of(http), request, side, cancellationToken, "identifiantFactureCPP", "idFacture");
        var invoice = viewed.Invoice;
        var model = await content.ReadAsync(invoice, cancellationToken);
        var parties = await InvoiceParties.LoadAsync(db, [invoice], cancellationToken);
        var attachments = await actions.AttachmentsAsync(invoice.Id, cancellationToken);
        var (supplier, recipient, service) = (parties.Supplier(invoice), parties.Recipient(invoice), parties.Service(invoice));
        var address = model.Seller?.Address;
        var account = model.PaymentInstructions?.CreditTransfers.FirstOrDefault();
        // The paging objects of go's supplier (p...) and recipient (recherche...) calls; some clients send the keys at the top.
        var (linesPaging, attachmentsPaging, vatPaging) = (request.Child("pLignesPoste", "rechercheLignePoste") ?? request,
            request.Child("pListePiecesJointes", "recherchePj") ?? request, request.Child("pLigneRecapTva", "rechercheligneTvaRecap") ?? request);
        var (pieces, piecesPage, piecesPages, piecesSize, piecesTotal) = SearchPage.Slice(
            attachments.Where(a => a.Kind != InvoiceAttachment.Principal).ToList(), attachmentsPaging, "nbResultatsParPageListePieceJointe", "pageResultatDemandeeListePieceJointe");
        var principal = attachments.FirstOrDefault(a => a.Kind == InvoiceAttachment.Principal);
        var validators = await InvoiceSummaries.ValidatorIdsAsync(db, [invoice], cancellationToken);
        return CproResults.Ok(new
        {
            facture = new
            {
                identifiantFactureCPP = invoice.CppId,
                numeroFacture = invoice.Number,
                statutFacture = invoice.Status.Code(),
                modeDepot = invoice.DepositMode,
                commentaire = invoice.LatestReason,
                cadreDeFacturation = new
                {
                    codeCadreFacturation = ChorusNames.Cadre(invoice.Cadre),
                    codeStructureValideur = invoice.ValidatorSiret,
                    codeServiceValideur = invoice.ValidatorServiceCode,
                    idValideur1 = invoice.ValidatorStructureId is { } v && validators.TryGetValue(v, out var validatorId) ? validatorId : (int?)null,
                    designationValideur1 = invoice.ValidatorName,
                    dateValidation1 = invoice.ValidatedAt is { } validated ? CproDates.Date(validated) : null,
                    // REFUSEE_1 with a coded reason (Cantate's list, recuperer/motifs/refus/Facture/AValider); the words are in commentaire.
                    motifRefusValideur = invoice.ValidatorRefusal is { } refusal ? new { idMotif = refusal.Id, codeMotif = refusal.Code, libelleMotif = refusal.Label } : null,
                },
                destinataire = new
                {
                    codeDestinataire = invoice.RecipientSiret,
                    libelleDestinataire = invoice.RecipientName ?? recipient?.RaisonSociale,
                    idDestinataire = recipient?.CppId,
                    destinataireEtat = recipient is null ? null : recipient.IsActive ? "ACTIF" : "INACTIF",
                    codeServiceExecutant = invoice.ServiceCode,
                    libelleServiceExecutant = service?.Label,
                    idServiceExecutant = service?.CppId,
                    adresseDestinataireDetail = recipient?.AddressLine,
                    adresseDestinataireComplement1 = recipient?.AddressComplement,
                    adresseDestinataireCodePostal = recipient?.PostalCode,
                    adresseDestinataireVille = recipient?.City,
                    adresseDestinataireCodePays = recipient?.CountryCode,
                },
                fournisseur = new
                {
                    idFournisseur = supplier?.CppId,
                    codeFournisseur = supplier?.Siret,
                    typeIdentifiantFournisseur = "SIRET",
                    designationFournisseur = invoice.SupplierName,
                    adresseFournisseurDetail = address?.Line1 ?? supplier?.AddressLine,
                    adresseFournisseurComplement1 = address?.Line2 ?? supplier?.AddressComplement,
                    adresseFournisseurCodePostal = address?.PostCode ?? supplier?.PostalCode,
                    adresseFournisseurVille = address?.City ?? supplier?.City,
                    adresseFournisseurCodePays = address?.CountryCode ?? supplier?.CountryCode,
                    coordBancairesFournisseurType = account?.AccountId is null ? null : "IBAN",
                    coordBancairesFournisseurCompteBancaire = account?.AccountId,
                    coordBancairesFournisseurLibelle = account?.AccountName,
                    coordBancairesBicSwift = account?.ServiceProviderId,
                },
                references = new
                {
                    dateCreationFacture = CproDates.DateTime(invoice.DepositedAt),
                    dateDepot = CproDates.Date(invoice.DepositedAt),
                    dateFacture = CproDates.Date(invoice.IssueDate),
                    dateEcheancePaiement = invoice.DueDate is { } due ? CproDates.Date(due) : null,
                    codeDeviseFacture = invoice.Currency,
                    deviseFacture = invoice.Currency,
                    typeFacture = ChorusNames.TypeFacture(invoice),
                    modePaiement = InvoiceDocumentContent.PaymentMode(model),
                    numeroBonCommande = invoice.EngagementNumber,
                    numeroMarche = model.ContractReference,
                    numeroFactureOrigine = model.PrecedingInvoices.FirstOrDefault()?.Number,
                    motifExonerationTva = model.VatBreakdowns.Select(v => v.ExemptionReason).FirstOrDefault(r => r is not null),
                    tailleTotalePiecesJointes = (decimal)attachments.Sum(a => a.Size),
                },
                montantTotal = new
                {
                    montantHtTotal = invoice.TotalWithoutVat,
                    montantTVA = invoice.TotalVat,
                    montantTtcTotal = invoice.TotalWithVat,
                    // EN 16931 has no discount on the total with VAT: document allowances are already in the amount without VAT.
                    montantRemiseGlobaleTTC = 0m,
                    montantTtcAvantRemiseGlobalTTC = invoice.TotalWithVat,
                    montantAPayer = invoice.AmountDue,
                },
                lignesDePoste = InvoiceDocumentContent.Lines(model, linesPaging),
                recapitulatifDeTva = InvoiceDocumentContent.VatBreakdown(model, vatPaging),
                listeDesPiecesJointes = new
                {
                    pieceJointe = pieces.Select(a => new
                    {
                        pieceJointeId = a.CppId,
                        pieceJointeDesignation = a.FileName,
                        pieceJointeExtension = Path.GetExtension(a.FileName).TrimStart('.').ToUpperInvariant(),
                        pieceJointeTypeCode = a.Kind,
                        pieceJointeTypeMime = a.MimeType,
                    }).ToList(),
                    pageCouranteListePiecesJointe = piecesPage, pagesListePiecesJointe = piecesPages,
                    nbResultatsParPageListePiecesJointe = piecesSize, totalListePiecesJointe = piecesTotal,
                },
                // Always an object (go reads a struct, php refuses null objects); its ids only for a PDF deposit's principal piece.
                pieceJointePrincipale = new { idPieceJointePrincipale = principal?.CppId, idLiaisonPieceJointePrincipale = principal?.CppId },
            },
        });
    }
}
