using Cantate.Web.Modules.Invoices;

namespace Cantate.Web.Tests.Invoices;

public sealed class InvoiceLifecycleTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Agent = Guid.NewGuid();

    private static Invoice Deposited() => Invoice.Deposit(new InvoiceDraft
    {
        Number = "F-2026-001", TypeCode = "380", Cadre = "A1", IssueDate = new DateOnly(2026, 11, 20), Currency = "EUR",
        TotalWithoutVat = 100m, TotalVat = 20m, TotalWithVat = 120m, AmountDue = 120m, SupplierName = "Atelier",
        RecipientSiret = "13002526500013", Syntax = "UBL-Invoice",
    }, Guid.NewGuid(), Guid.NewGuid(), "documents/x.xml", "Camille Martin", Guid.NewGuid(), Now);

    private static Invoice Available()
    {
        var invoice = Deposited();
        invoice.StartRouting(Guid.NewGuid(), "DINUM", Now);
        invoice.MakeAvailable(Now);
        return invoice;
    }

    /// <summary>Brings an invoice to a status through allowed transitions only (an A1 invoice, or an A9 one for the validation circuit).</summary>
    public static Invoice InStatus(InvoiceStatus status) => In(status);

    private static Invoice In(InvoiceStatus status)
    {
        var invoice = Deposited();
        switch (status)
        {
            case InvoiceStatus.Deposee: return invoice;
            case InvoiceStatus.EnCoursAcheminement: invoice.StartRouting(Guid.NewGuid(), "DINUM", Now); return invoice;
            case InvoiceStatus.MiseADisposition: return Available();
            case InvoiceStatus.AValider1 or InvoiceStatus.Refusee1 or InvoiceStatus.ErreurFournisseurSurValideur or InvoiceStatus.Validee1
                or InvoiceStatus.AbsenceValidation1HorsDelai:
                return ValidationCircuitTests.In(status);
            case InvoiceStatus.Completee:
                invoice = In(InvoiceStatus.Suspendue);
                invoice.Complete("Bon de livraison joint", Agent, "Camille", Now);
                return invoice;
            default:
                invoice = Available();
                invoice.ProcessByRecipient(status, Agent, "Agent", "motif", Now);
                return invoice;
        }
    }

    [Fact]
    public void A_deposited_invoice_goes_to_its_recipient_and_records_each_step()
    {
        var invoice = Available();
        Assert.Equal(InvoiceStatus.MiseADisposition, invoice.Status);
        Assert.Equal(["DEPOSEE", "EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION"], invoice.History.Select(h => h.Action));
        Assert.Equal([InvoiceActorKind.Fournisseur, InvoiceActorKind.Systeme, InvoiceActorKind.Systeme], invoice.History.Select(h => h.ActorKind));
        Assert.Equal(3, invoice.Version);
    }

    public static TheoryData<InvoiceStatus, InvoiceStatus, bool> RecipientTransitions()
    {
        var allowed = new Dictionary<InvoiceStatus, InvoiceStatus[]>
        {
            [InvoiceStatus.MiseADisposition] = [.. InvoiceStatuses.SetByRecipient],
            [InvoiceStatus.Completee] = [.. InvoiceStatuses.SetByRecipient],
            [InvoiceStatus.ServiceFait] = [InvoiceStatus.Rejetee, InvoiceStatus.Suspendue, InvoiceStatus.Mandatee,
                InvoiceStatus.MiseADispositionComptable, InvoiceStatus.Comptabilisee, InvoiceStatus.MiseEnPaiement],
            [InvoiceStatus.Mandatee] = [InvoiceStatus.MiseADispositionComptable, InvoiceStatus.Comptabilisee, InvoiceStatus.MiseEnPaiement],
            [InvoiceStatus.MiseADispositionComptable] = [InvoiceStatus.Comptabilisee, InvoiceStatus.MiseEnPaiement],
            [InvoiceStatus.Comptabilisee] = [InvoiceStatus.MiseEnPaiement],
        };
        var data = new TheoryData<InvoiceStatus, InvoiceStatus, bool>();
        foreach (var from in Enum.GetValues<InvoiceStatus>())
        {
            foreach (var to in InvoiceStatuses.SetByRecipient)
            {
                data.Add(from, to, allowed.TryGetValue(from, out var targets) && targets.Contains(to));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RecipientTransitions))]
    public void The_recipient_can_set_exactly_the_statuses_the_lifecycle_allows(InvoiceStatus from, InvoiceStatus to, bool allowed)
    {
        var invoice = In(from);
        Assert.Equal(from, invoice.Status);
        var before = invoice.History.Count;
        if (allowed)
        {
            invoice.ProcessByRecipient(to, Agent, "Agent", "Motif de la décision", Now);
            Assert.Equal(to, invoice.Status);
            Assert.Equal(before + 1, invoice.History.Count);
            Assert.Equal(("Agent", "Motif de la décision", InvoiceActorKind.Destinataire),
                (invoice.History[^1].ActorName, invoice.History[^1].Comment, invoice.History[^1].ActorKind));
        }
        else
        {
            var error = Assert.Throws<InvoiceTransitionException>(() => invoice.ProcessByRecipient(to, Agent, "Agent", "Motif", Now));
            Assert.Contains(to.Label(), error.Message);
            Assert.Equal(from, invoice.Status);
            Assert.Equal(before, invoice.History.Count);
        }
    }

    [Theory]
    [InlineData(InvoiceStatus.Rejetee)]
    [InlineData(InvoiceStatus.Suspendue)]
    [InlineData(InvoiceStatus.ARecycler)]
    public void Rejecting_suspending_or_asking_for_recycling_requires_a_reason_of_at_most_255_characters(InvoiceStatus target)
    {
        var invoice = Available();
        Assert.Contains("motif", Assert.Throws<InvoiceTransitionException>(() => invoice.ProcessByRecipient(target, Agent, "Agent", "  ", Now)).Message);
        Assert.Contains("255", Assert.Throws<InvoiceTransitionException>(() => invoice.ProcessByRecipient(target, Agent, "Agent", new string('x', 256), Now)).Message);
        invoice.ProcessByRecipient(target, Agent, "Agent", new string('x', 255), Now);
        Assert.Equal(target, invoice.Status);
        Assert.Equal(new string('x', 255), invoice.LatestReason);
    }

    [Fact]
    public void Payment_needs_no_reason()
    {
        var invoice = Available();
        invoice.ProcessByRecipient(InvoiceStatus.MiseEnPaiement, Agent, "Agent", null, Now);
        Assert.Equal(InvoiceStatus.MiseEnPaiement, invoice.Status);
        Assert.Empty(invoice.NextStatusesForRecipient());
    }

    [Fact]
    public void The_supplier_recycles_an_invoice_with_new_routing_data_and_the_same_number()
    {
        var invoice = In(InvoiceStatus.ARecycler);
        invoice.Recycle("21920023500014", "SERVICE_FINANCES", "EJ-2026-42", Agent, "Camille", Now);
        Assert.Equal(InvoiceStatus.Deposee, invoice.Status);
        Assert.Equal(("F-2026-001", "21920023500014", "SERVICE_FINANCES", "EJ-2026-42", (Guid?)null),
            (invoice.Number, invoice.RecipientSiret, invoice.ServiceCode, invoice.EngagementNumber, invoice.RecipientStructureId));
        invoice.StartRouting(Guid.NewGuid(), "Clamart", Now);
        invoice.MakeAvailable(Now);
        Assert.Equal(InvoiceStatus.MiseADisposition, invoice.Status);
    }

    [Fact]
    public void The_supplier_completes_a_suspended_invoice_and_the_recipient_can_process_it_again()
    {
        var invoice = In(InvoiceStatus.Suspendue);
        Assert.Throws<InvoiceTransitionException>(() => invoice.Complete(" ", Agent, "Camille", Now));
        invoice.Complete("Attestation ajoutée", Agent, "Camille", Now);
        Assert.Equal(InvoiceStatus.Completee, invoice.Status);
        invoice.ProcessByRecipient(InvoiceStatus.ServiceFait, Agent, "Agent", null, Now);
        Assert.Equal(InvoiceStatus.ServiceFait, invoice.Status);
    }

    [Fact]
    public void The_supplier_acknowledges_a_rejection_once_and_the_status_stays_rejected()
    {
        var invoice = In(InvoiceStatus.Rejetee);
        invoice.AcknowledgeRejection(Agent, "Camille", Now);
        Assert.Equal(InvoiceStatus.Rejetee, invoice.Status);
        Assert.Equal("ACQUITTEMENT_REJET", invoice.History[^1].Action);
        Assert.Throws<InvoiceTransitionException>(() => invoice.AcknowledgeRejection(Agent, "Camille", Now));
    }

    [Theory]
    [InlineData(InvoiceStatus.Deposee)]
    [InlineData(InvoiceStatus.MiseADisposition)]
    [InlineData(InvoiceStatus.Rejetee)]
    [InlineData(InvoiceStatus.MiseEnPaiement)]
    public void Supplier_actions_are_refused_outside_their_status(InvoiceStatus status)
    {
        var invoice = In(status);
        if (status != InvoiceStatus.ARecycler)
            Assert.Throws<InvoiceTransitionException>(() => invoice.Recycle("13002526500013", null, null, Agent, "C", Now));
        if (status != InvoiceStatus.Suspendue)
            Assert.Throws<InvoiceTransitionException>(() => invoice.Complete("x", Agent, "C", Now));
        if (status != InvoiceStatus.Rejetee)
            Assert.Throws<InvoiceTransitionException>(() => invoice.AcknowledgeRejection(Agent, "C", Now));
    }

    [Fact]
    public void Routing_steps_happen_once_and_in_order()
    {
        var invoice = Deposited();
        Assert.Throws<InvoiceTransitionException>(() => invoice.MakeAvailable(Now));
        invoice.StartRouting(Guid.NewGuid(), "DINUM", Now);
        Assert.Throws<InvoiceTransitionException>(() => invoice.StartRouting(Guid.NewGuid(), "DINUM", Now));
        invoice.MakeAvailable(Now);
        Assert.Throws<InvoiceTransitionException>(() => invoice.MakeAvailable(Now));
    }

    [Fact]
    public void Every_status_has_a_chorus_pro_code_that_reads_back()
    {
        foreach (var status in Enum.GetValues<InvoiceStatus>())
        {
            Assert.Equal(status, InvoiceStatuses.FromCode(status.Code()));
            Assert.False(string.IsNullOrEmpty(status.Label()));
        }
    }
}
