using Cantate.Web.Modules.Invoices;

namespace Cantate.Web.Tests.Invoices;

/// <summary>The A9/A12 validation circuit of the Invoice aggregate: every allowed and forbidden transition.</summary>
public sealed class ValidationCircuitTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Supplier = Guid.NewGuid();
    private static readonly Guid Agent = Guid.NewGuid();
    private static readonly ValidatorDesignation Titulaire = new(Guid.NewGuid(), "79245318500011", "BATI TITULAIRE", null);
    private static readonly ValidatorDesignation Other = new(Guid.NewGuid(), "90012345600015", "AUTRE ENTREPRISE", "ACHATS");

    public static Invoice Deposited(string cadre = "A9") => Invoice.Deposit(new InvoiceDraft
    {
        Number = "ST-2026-001", TypeCode = "380", Cadre = cadre, IssueDate = new DateOnly(2026, 11, 20), Currency = "EUR",
        TotalWithoutVat = 100m, TotalVat = 20m, TotalWithVat = 120m, AmountDue = 120m, SupplierName = "Sous-traitant",
        RecipientSiret = "13002526500013", Syntax = "UBL-Invoice",
    }, Guid.NewGuid(), Supplier, "documents/x.xml", "Camille Martin", Guid.NewGuid(), Now);

    /// <summary>Brings an A9 invoice to a status of the circuit (or after it) through allowed transitions only.</summary>
    public static Invoice In(InvoiceStatus status)
    {
        var invoice = Deposited();
        invoice.SubmitForValidation(Titulaire, Now);
        switch (status)
        {
            case InvoiceStatus.AValider1: break;
            case InvoiceStatus.Validee1: invoice.ValidateByValidator(Agent, "Titulaire", Now); break;
            case InvoiceStatus.Refusee1: invoice.RefuseByValidator(null, "Travaux non réalisés", Agent, "Titulaire", Now); break;
            case InvoiceStatus.ErreurFournisseurSurValideur: invoice.DeclineAsWrongValidator(null, Agent, "Titulaire", Now); break;
            case InvoiceStatus.AbsenceValidation1HorsDelai: invoice.ValidateTacitly(Now + Invoice.ValidationDelay); break;
            default: throw new ArgumentOutOfRangeException(nameof(status), status, "Not a status of the validation circuit.");
        }
        return invoice;
    }

    [Theory]
    [InlineData("A9", "titulaire")]
    [InlineData("A9_FACTURE_SOUSTRAITANT", "titulaire")]
    [InlineData("A12", "mandataire")]
    [InlineData("a12_facture_cotraitant", "mandataire")]
    public void Subcontractor_and_cotraitant_invoices_wait_for_their_valideur_and_cannot_be_routed_before(string cadre, string role)
    {
        var invoice = Deposited(cadre);
        Assert.True(invoice.RequiresValidator);
        Assert.Equal(role, Invoice.ValidatorRole(cadre));
        Assert.False(invoice.AwaitsRouting);
        Assert.Contains("validation", Assert.Throws<InvoiceTransitionException>(() => invoice.StartRouting(Guid.NewGuid(), "DINUM", Now)).Message);
        Assert.Throws<InvoiceTransitionException>(() => invoice.RoutingFailed("x", Now));

        invoice.SubmitForValidation(Titulaire, Now);
        Assert.Equal(InvoiceStatus.AValider1, invoice.Status);
        Assert.Equal((Titulaire.StructureId, "79245318500011", "BATI TITULAIRE"), (invoice.ValidatorStructureId, invoice.ValidatorSiret, invoice.ValidatorName));
        Assert.Equal(Now + TimeSpan.FromDays(15), invoice.ValidationDeadline);
        Assert.Equal(["DEPOSEE", "A_VALIDER_1"], invoice.History.Select(h => h.Action));
        Assert.Throws<InvoiceTransitionException>(() => invoice.StartRouting(Guid.NewGuid(), "DINUM", Now));
    }

    [Fact]
    public void A_refusal_carries_a_coded_reason_with_or_without_a_comment_and_other_needs_one()
    {
        var works = ValidatorRefusalReasons.Find("prestations_non_realisees")!;
        var other = ValidatorRefusalReasons.Find(ValidatorRefusalReasons.OtherCode)!;
        Assert.Same(works, ValidatorRefusalReasons.Find("1"));
        Assert.Null(ValidatorRefusalReasons.Find("INCONNU"));
        Assert.Null(ValidatorRefusalReasons.Find("99"));
        Assert.Equal(ValidatorRefusalReasons.All.Count, ValidatorRefusalReasons.All.Select(r => r.Id).Distinct().Count());

        var coded = In(InvoiceStatus.AValider1);
        coded.RefuseByValidator(works, null, Agent, "T", Now);
        Assert.Equal((InvoiceStatus.Refusee1, "PRESTATIONS_NON_REALISEES", works.Label), (coded.Status, coded.ValidatorRefusalCode, coded.LatestReason));
        Assert.Same(works, coded.ValidatorRefusal);

        var both = In(InvoiceStatus.AValider1);
        both.RefuseByValidator(works, " Lot 2 non réceptionné ", Agent, "T", Now);
        Assert.Equal($"{works.Label} : Lot 2 non réceptionné", both.LatestReason);

        var vague = In(InvoiceStatus.AValider1);
        Assert.Contains("demande un commentaire", Assert.Throws<InvoiceTransitionException>(() => vague.RefuseByValidator(other, " ", Agent, "T", Now)).Message);
        Assert.Contains("choisissez-le dans la liste", Assert.Throws<InvoiceTransitionException>(() => vague.RefuseByValidator(null, null, Agent, "T", Now)).Message);
        Assert.Equal((InvoiceStatus.AValider1, null), (vague.Status, vague.ValidatorRefusalCode));
        vague.RefuseByValidator(other, "Facture adressée au mauvais lot", Agent, "T", Now);
        Assert.Equal(("AUTRE", "Autre motif (précisé en commentaire) : Facture adressée au mauvais lot"), (vague.ValidatorRefusalCode, vague.LatestReason));

        // Refused once: never again, coded or not.
        Assert.Throws<InvoiceTransitionException>(() => vague.RefuseByValidator(works, null, Agent, "T", Now));
    }

    [Fact]
    public void Other_cadres_have_no_valideur_and_a_supplier_cannot_validate_its_own_invoice()
    {
        Assert.Contains("A9 et A12", Assert.Throws<InvoiceTransitionException>(() => Deposited("A1").SubmitForValidation(Titulaire, Now)).Message);
        var invoice = Deposited();
        var self = Titulaire with { StructureId = Supplier };
        Assert.Contains("propre facture", Assert.Throws<InvoiceTransitionException>(() => invoice.SubmitForValidation(self, Now)).Message);
        invoice.SubmitForValidation(Titulaire, Now);
        Assert.Throws<InvoiceTransitionException>(() => invoice.SubmitForValidation(Other, Now));
        Assert.Equal(2, invoice.History.Count);
    }

    [Fact]
    public void A_validated_invoice_is_routed_to_its_recipient_with_the_date_of_validation()
    {
        var invoice = In(InvoiceStatus.AValider1);
        invoice.ValidateByValidator(Agent, "Claire Titulaire", Now.AddDays(2));
        Assert.Equal(InvoiceStatus.Validee1, invoice.Status);
        Assert.Equal(Now.AddDays(2), invoice.ValidatedAt);
        Assert.Equal((InvoiceActorKind.Valideur, "Claire Titulaire"), (invoice.History[^1].ActorKind, invoice.History[^1].ActorName));
        Assert.True(invoice.AwaitsRouting);
        invoice.StartRouting(Guid.NewGuid(), "DINUM", Now.AddDays(2));
        invoice.MakeAvailable(Now.AddDays(2));
        Assert.Equal(["DEPOSEE", "A_VALIDER_1", "VALIDEE_1", "EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION"], invoice.History.Select(h => h.Action));
    }

    [Fact]
    public void A_refusal_needs_a_reason_of_at_most_255_characters_and_ends_the_circuit()
    {
        var invoice = In(InvoiceStatus.AValider1);
        Assert.Contains("motif", Assert.Throws<InvoiceTransitionException>(() => invoice.RefuseByValidator(null, "  ", Agent, "T", Now)).Message);
        Assert.Contains("255", Assert.Throws<InvoiceTransitionException>(() => invoice.RefuseByValidator(null, new string('x', 256), Agent, "T", Now)).Message);
        Assert.Equal(InvoiceStatus.AValider1, invoice.Status);
        invoice.RefuseByValidator(null, new string('x', 255), Agent, "T", Now);
        Assert.Equal((InvoiceStatus.Refusee1, new string('x', 255)), (invoice.Status, invoice.LatestReason));
        Assert.Null(invoice.ValidatedAt);
        Assert.False(invoice.AwaitsRouting);
        Assert.Throws<InvoiceTransitionException>(() => invoice.StartRouting(Guid.NewGuid(), "DINUM", Now));
    }

    [Fact]
    public void After_a_wrong_valideur_the_supplier_designates_another_and_the_delay_starts_again()
    {
        var invoice = In(InvoiceStatus.AValider1);
        invoice.DeclineAsWrongValidator("Nous ne sommes pas titulaires de ce lot", Agent, "T", Now.AddDays(10));
        Assert.Equal(InvoiceStatus.ErreurFournisseurSurValideur, invoice.Status);
        Assert.Null(invoice.ValidationDeadline);
        Assert.Contains("un autre", Assert.Throws<InvoiceTransitionException>(() => invoice.CorrectValidator(Titulaire, Agent, "Fournisseur", Now)).Message);
        Assert.Contains("propre facture",
            Assert.Throws<InvoiceTransitionException>(() => invoice.CorrectValidator(Other with { StructureId = Supplier }, Agent, "Fournisseur", Now)).Message);
        invoice.CorrectValidator(Other, Agent, "Fournisseur", Now.AddDays(11));
        Assert.Equal(InvoiceStatus.AValider1, invoice.Status);
        Assert.Equal((Other.StructureId, "ACHATS"), (invoice.ValidatorStructureId, invoice.ValidatorServiceCode));
        Assert.Equal(Now.AddDays(26), invoice.ValidationDeadline);
        Assert.Equal(InvoiceActorKind.Fournisseur, invoice.History[^1].ActorKind);
    }

    [Fact]
    public void Without_an_answer_within_15_days_the_validation_is_tacit()
    {
        var invoice = In(InvoiceStatus.AValider1);
        Assert.Throws<InvoiceTransitionException>(() => invoice.ValidateTacitly(Now + Invoice.ValidationDelay - TimeSpan.FromSeconds(1)));
        Assert.Equal(InvoiceStatus.AValider1, invoice.Status);
        invoice.ValidateTacitly(Now + Invoice.ValidationDelay);
        Assert.Equal(InvoiceStatus.AbsenceValidation1HorsDelai, invoice.Status);
        Assert.Equal(Now + Invoice.ValidationDelay, invoice.ValidatedAt);
        Assert.Equal(InvoiceActorKind.Systeme, invoice.History[^1].ActorKind);
        Assert.True(invoice.AwaitsRouting);
    }

    public static TheoryData<InvoiceStatus, string, bool> ValidatorTransitions()
    {
        var data = new TheoryData<InvoiceStatus, string, bool>();
        foreach (var from in Enum.GetValues<InvoiceStatus>())
        {
            foreach (var action in new[] { "valider", "refuser", "erreur", "tacite", "corriger" })
            {
                var allowed = action == "corriger" ? from == InvoiceStatus.ErreurFournisseurSurValideur : from == InvoiceStatus.AValider1;
                data.Add(from, action, allowed);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidatorTransitions))]
    public void The_circuit_moves_exactly_as_allowed_from_every_status(InvoiceStatus from, string action, bool allowed)
    {
        var invoice = InvoiceStatuses.ValidationCircuit.Contains(from) ? In(from) : InvoiceLifecycleTests.InStatus(from);
        Assert.Equal(from, invoice.Status);
        var (before, version) = (invoice.History.Count, invoice.Version);
        var later = Now + Invoice.ValidationDelay;
        Action act = action switch
        {
            "valider" => () => invoice.ValidateByValidator(Agent, "T", later),
            "refuser" => () => invoice.RefuseByValidator(null, "Motif", Agent, "T", later),
            "erreur" => () => invoice.DeclineAsWrongValidator(null, Agent, "T", later),
            "tacite" => () => invoice.ValidateTacitly(later),
            _ => () => invoice.CorrectValidator(Other, Agent, "F", later),
        };
        if (allowed)
        {
            act();
            Assert.NotEqual(from, invoice.Status);
            Assert.Equal((before + 1, version + 1), (invoice.History.Count, invoice.Version));
            Assert.Equal(invoice.Status.Code(), invoice.History[^1].Action);
        }
        else
        {
            Assert.Throws<InvoiceTransitionException>(act);
            Assert.Equal(from, invoice.Status);
            Assert.Equal((before, version), (invoice.History.Count, invoice.Version));
        }
    }

    [Theory]
    [InlineData(InvoiceStatus.AValider1)]
    [InlineData(InvoiceStatus.Refusee1)]
    [InlineData(InvoiceStatus.ErreurFournisseurSurValideur)]
    [InlineData(InvoiceStatus.Validee1)]
    [InlineData(InvoiceStatus.AbsenceValidation1HorsDelai)]
    public void The_recipient_cannot_process_an_invoice_of_the_circuit(InvoiceStatus status)
    {
        var invoice = In(status);
        Assert.Empty(invoice.NextStatusesForRecipient());
        Assert.Throws<InvoiceTransitionException>(() => invoice.ProcessByRecipient(InvoiceStatus.ServiceFait, Agent, "Agent", null, Now));
    }
}
