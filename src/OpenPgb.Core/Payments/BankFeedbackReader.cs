using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using OpenPgb.Core.Ipgb;

namespace OpenPgb.Core.Payments;

public enum BankFeedbackKind
{
    /// <summary>pain.002.001.10: the bank rejected a file or some of its transactions before paying.</summary>
    PaymentStatusReport,

    /// <summary>camt.054.001.08: money came back to the agency's account (the provider's bank returned it).</summary>
    ReturnNotification,
}

/// <summary>One payment the bank did not complete, by its EndToEndId, with the ISO reason code (AC01, AC04, MD07, ...).</summary>
public sealed record BankReturn(string EndToEndId, string ReasonCode, string? Information);

/// <summary>
/// A parsed feedback file. <see cref="RejectedMessageId"/> is set when the bank rejected a whole pain.001 (group
/// status RJCT): then every payment of that file is returned.
/// </summary>
public sealed record BankFeedback(BankFeedbackKind Kind, string MessageId, string? RejectedMessageId, string? RejectionReason, IReadOnlyList<BankReturn> Returns);

/// <summary>Thrown when a feedback file is not one we read, or fails its schema; the message says why.</summary>
public sealed class BankFeedbackException(string message) : Exception(message);

/// <summary>Reads pain.002.001.10 and camt.054.001.08 feedback, validated against our schemas, with safe XML settings.</summary>
public static class BankFeedbackReader
{
    public const string Pain002Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.10";
    public const string Camt054Namespace = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";
    private const long MaxCharacters = 200_000_000;

    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    public static BankFeedback Read(Stream content)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(content, SafeXml.ValidatingSettings(Schemas.Value, MaxCharacters));
            document = XDocument.Load(reader);
        }
        catch (Exception ex) when (ex is XmlException or XmlSchemaValidationException or XmlSchemaException)
        {
            throw new BankFeedbackException($"Het bestand is geen geldig pain.002.001.10- of camt.054.001.08-bericht: {ex.Message}");
        }

        var root = document.Root!;
        return root.Name.NamespaceName switch
        {
            Pain002Namespace => ReadPain002(root),
            Camt054Namespace => ReadCamt054(root),
            _ => throw new BankFeedbackException($"Onbekend berichttype {root.Name.NamespaceName}."),
        };
    }

    private static BankFeedback ReadPain002(XElement root)
    {
        XNamespace ns = Pain002Namespace;
        var report = root.Element(ns + "CstmrPmtStsRpt")!;
        var messageId = report.Element(ns + "GrpHdr")!.Element(ns + "MsgId")!.Value;
        var group = report.Element(ns + "OrgnlGrpInfAndSts")!;
        var groupRejected = group.Element(ns + "GrpSts")?.Value == "RJCT";
        var returns = report.Elements(ns + "OrgnlPmtInfAndSts")
            .SelectMany(block => block.Elements(ns + "TxInfAndSts")
                .Where(tx => tx.Element(ns + "TxSts")?.Value == "RJCT" || (tx.Element(ns + "TxSts") is null && block.Element(ns + "PmtInfSts")?.Value == "RJCT"))
                .Select(tx => new BankReturn(tx.Element(ns + "OrgnlEndToEndId")!.Value, Reason(tx, ns) ?? Reason(block, ns) ?? "NARR", Information(tx, ns))))
            .ToList();
        return new BankFeedback(
            BankFeedbackKind.PaymentStatusReport,
            messageId,
            groupRejected ? group.Element(ns + "OrgnlMsgId")!.Value : null,
            groupRejected ? Reason(group, ns) ?? "NARR" : null,
            returns);
    }

    private static BankFeedback ReadCamt054(XElement root)
    {
        XNamespace ns = Camt054Namespace;
        var notification = root.Element(ns + "BkToCstmrDbtCdtNtfctn")!;
        var returns = notification.Elements(ns + "Ntfctn").Elements(ns + "Ntry")
            .Where(entry => entry.Element(ns + "CdtDbtInd")!.Value == "CRDT")
            .Elements(ns + "NtryDtls").Elements(ns + "TxDtls")
            .Where(tx => tx.Element(ns + "RtrInf") is not null && tx.Element(ns + "Refs")?.Element(ns + "EndToEndId") is not null)
            .Select(tx => new BankReturn(
                tx.Element(ns + "Refs")!.Element(ns + "EndToEndId")!.Value,
                tx.Element(ns + "RtrInf")!.Element(ns + "Rsn")?.Elements().FirstOrDefault()?.Value ?? "NARR",
                tx.Element(ns + "RtrInf")!.Element(ns + "AddtlInf")?.Value))
            .ToList();
        return new BankFeedback(BankFeedbackKind.ReturnNotification, notification.Element(ns + "GrpHdr")!.Element(ns + "MsgId")!.Value, null, null, returns);
    }

    private static string? Reason(XElement parent, XNamespace ns) =>
        parent.Element(ns + "StsRsnInf")?.Element(ns + "Rsn")?.Elements().FirstOrDefault()?.Value;

    private static string? Information(XElement parent, XNamespace ns) =>
        parent.Element(ns + "StsRsnInf")?.Element(ns + "AddtlInf")?.Value;

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        foreach (var (ns, resource) in new[] { (Pain002Namespace, "pain.002.001.10.xsd"), (Camt054Namespace, "camt.054.001.08.xsd") })
        {
            using var stream = typeof(BankFeedbackReader).Assembly.GetManifestResourceStream("OpenPgb.Payments.Schemas." + resource)
                ?? throw new InvalidOperationException($"Schema {resource} is not embedded.");
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            set.Add(ns, reader);
        }

        set.Compile();
        return set;
    }

    /// <summary>Dutch text for the return reasons banks use most; other codes are shown as they are.</summary>
    public static string Describe(string code) => code switch
    {
        "AC01" => "rekeningnummer onjuist",
        "AC04" => "rekening opgeheven",
        "AC06" => "rekening geblokkeerd",
        "AG01" => "transactie niet toegestaan op deze rekening",
        "AM05" => "dubbele betaling",
        "BE04" => "adres van de begunstigde ontbreekt",
        "MD07" => "rekeninghouder overleden",
        "MS02" => "geweigerd door de begunstigde",
        "MS03" => "reden niet opgegeven",
        "RC01" => "BIC onjuist",
        "RR01" or "RR02" or "RR03" or "RR04" => "wettelijke reden",
        "FF01" => "bestandsformaat ongeldig",
        "DUPL" => "dubbel bestand",
        _ => code,
    };
}
