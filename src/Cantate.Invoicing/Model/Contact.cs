namespace Cantate.Invoicing.Model;

/// <summary>A contact: BG-6 (seller contact) or BG-9 (buyer contact).</summary>
public sealed class Contact : ModelElement
{
    /// <summary>BT-41 / BT-56 Contact point (a person or a department).</summary>
    public string? Name { get; set; }

    /// <summary>BT-42 / BT-57 Telephone number.</summary>
    public string? Telephone { get; set; }

    /// <summary>BT-43 / BT-58 E-mail address.</summary>
    public string? Email { get; set; }
}
