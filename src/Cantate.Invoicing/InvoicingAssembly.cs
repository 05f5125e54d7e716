namespace Cantate.Invoicing;

/// <summary>Marker for the invoice core library.</summary>
public static class InvoicingAssembly
{
}
