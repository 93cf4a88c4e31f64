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

/// <summary>
/// One payment the bank did not complete, located by the references of the original pain.001 as far as the bank gave
/// them (message, payment block, EndToEndId), with the ISO reason code (AC01, AC04, MD07, ...) and, when the bank
/// says, the amount it returned.
/// </summary>
public sealed record BankReturn(string? OriginalMessageId, string? OriginalPaymentInfoId, string? EndToEndId, string ReasonCode, string? Information, long? AmountCents)
{
    /// <summary>How the entry names its payment, for the operator when it matches none.</summary>
    public string Reference => EndToEndId ?? OriginalPaymentInfoId ?? OriginalMessageId ?? "(zonder kenmerk)";
}

/// <summary>The bank rejected a whole pain.001 (<see cref="OriginalPaymentInfoId"/> null) or one payment block of it.</summary>
public sealed record BankRejection(string OriginalMessageId, string? OriginalPaymentInfoId, string ReasonCode);

/// <summary>A parsed feedback file: the payments it returns one by one, and the files or blocks it rejects whole.</summary>
public sealed record BankFeedback(BankFeedbackKind Kind, string MessageId, IReadOnlyList<BankReturn> Returns, IReadOnlyList<BankRejection> Rejections);

/// <summary>Thrown when a feedback file is not one we read, or fails its schema; the message says why.</summary>
public sealed class BankFeedbackException(string message) : Exception(message);

/// <summary>
/// Reads pain.002.001.10 and camt.054.001.08 feedback, validated against our schemas (which accept every element the
/// messages allow) with safe XML settings, and takes from it only what OpenPgb acts on.
/// </summary>
public static class BankFeedbackReader
{
    public const string Pain002Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.10";
    public const string Camt054Namespace = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";
    private const string Rejected = "RJCT";
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
            throw new BankFeedbackException($"Het bestand is geen geldig pain.002.001.10- of camt.054.001.08-bericht: {SafeXml.Describe(ex)}.");
        }

        var root = document.Root!;
        return root.Name.NamespaceName switch
        {
            Pain002Namespace => ReadPain002(root),
            Camt054Namespace => ReadCamt054(root),
            _ => throw new BankFeedbackException($"Onbekend berichttype {root.Name.NamespaceName}."),
        };
    }

    // A rejected group rejects the whole file; a rejected block without transaction details rejects the block; a
    // transaction is rejected by its own status, or by its block's when it has none.
    private static BankFeedback ReadPain002(XElement root)
    {
        XNamespace ns = Pain002Namespace;
        var report = root.Element(ns + "CstmrPmtStsRpt")!;
        var group = report.Element(ns + "OrgnlGrpInfAndSts")!;
        var originalMessageId = group.Element(ns + "OrgnlMsgId")!.Value;
        var rejections = new List<BankRejection>();
        if (group.Element(ns + "GrpSts")?.Value == Rejected)
        {
            rejections.Add(new BankRejection(originalMessageId, null, Reason(group, ns) ?? "NARR"));
        }

        var returns = new List<BankReturn>();
        foreach (var block in report.Elements(ns + "OrgnlPmtInfAndSts"))
        {
            var paymentInfoId = block.Element(ns + "OrgnlPmtInfId")!.Value;
            var blockRejected = block.Element(ns + "PmtInfSts")?.Value == Rejected;
            var transactions = block.Elements(ns + "TxInfAndSts").ToList();
            if (blockRejected && transactions.Count == 0)
            {
                rejections.Add(new BankRejection(originalMessageId, paymentInfoId, Reason(block, ns) ?? "NARR"));
            }

            returns.AddRange(transactions
                .Where(tx => tx.Element(ns + "TxSts")?.Value == Rejected || (tx.Element(ns + "TxSts") is null && blockRejected))
                .Select(tx => new BankReturn(
                    originalMessageId,
                    paymentInfoId,
                    tx.Element(ns + "OrgnlEndToEndId")?.Value,
                    Reason(tx, ns) ?? Reason(block, ns) ?? "NARR",
                    Information(tx.Element(ns + "StsRsnInf"), ns),
                    null)));
        }

        return new BankFeedback(BankFeedbackKind.PaymentStatusReport, report.Element(ns + "GrpHdr")!.Element(ns + "MsgId")!.Value, returns, rejections);
    }

    // Returns are credits to the agency's account whose transaction details carry return information.
    private static BankFeedback ReadCamt054(XElement root)
    {
        XNamespace ns = Camt054Namespace;
        var notification = root.Element(ns + "BkToCstmrDbtCdtNtfctn")!;
        var returns = new List<BankReturn>();
        foreach (var entry in notification.Elements(ns + "Ntfctn").Elements(ns + "Ntry").Where(e => e.Element(ns + "CdtDbtInd")!.Value == "CRDT"))
        {
            var details = entry.Elements(ns + "NtryDtls").Elements(ns + "TxDtls").ToList();
            foreach (var tx in details.Where(d => d.Element(ns + "RtrInf") is not null))
            {
                var refs = tx.Element(ns + "Refs");
                var amount = tx.Element(ns + "Amt")
                    ?? tx.Element(ns + "AmtDtls")?.Element(ns + "InstdAmt")?.Element(ns + "Amt")
                    ?? tx.Element(ns + "AmtDtls")?.Element(ns + "TxAmt")?.Element(ns + "Amt")
                    ?? (details.Count == 1 ? entry.Element(ns + "Amt") : null);
                var returnInfo = tx.Element(ns + "RtrInf")!;
                returns.Add(new BankReturn(
                    refs?.Element(ns + "MsgId")?.Value,
                    refs?.Element(ns + "PmtInfId")?.Value,
                    refs?.Element(ns + "EndToEndId")?.Value,
                    returnInfo.Element(ns + "Rsn")?.Elements().FirstOrDefault()?.Value ?? "NARR",
                    Information(returnInfo, ns),
                    amount is null ? null : Cents(amount)));
            }
        }

        return new BankFeedback(BankFeedbackKind.ReturnNotification, notification.Element(ns + "GrpHdr")!.Element(ns + "MsgId")!.Value, returns, []);
    }

    /// <summary>Euro cents of an amount element; -1 when it is not in euro or has fractions of a cent (never a match).</summary>
    private static long Cents(XElement amount)
    {
        var value = decimal.Parse(amount.Value, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture) * 100;
        return amount.Attribute("Ccy")?.Value == "EUR" && value == decimal.Truncate(value) ? (long)value : -1;
    }

    private static string? Reason(XElement parent, XNamespace ns) =>
        parent.Element(ns + "StsRsnInf")?.Element(ns + "Rsn")?.Elements().FirstOrDefault()?.Value;

    private static string? Information(XElement? parent, XNamespace ns) =>
        parent?.Elements(ns + "AddtlInf").Select(e => e.Value).ToList() is { Count: > 0 } lines ? string.Join(" ", lines) : null;

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
