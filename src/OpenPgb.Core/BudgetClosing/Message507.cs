using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using OpenPgb.Core.Ipgb;

namespace OpenPgb.Core.BudgetClosing;

/// <summary>Writes a 507 (validated against our ipgb507 schema before it is stored) and reads the grantor's 508.</summary>
public static class Message507
{
    public const string Sender = "SVB";

    public static byte[] Write(BudgetClosingMessage message, string grantorCode, string bsn, string budgetKey)
    {
        ArgumentNullException.ThrowIfNull(message);
        var schema = IpgbSchemas.For("507", IpgbVersion.V23);
        XNamespace ns = schema.Namespace;
        var document = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(
                ns + "Bericht",
                new XElement(
                    ns + "Header",
                    new XElement(ns + "BerichtCode", "507"),
                    new XElement(ns + "BerichtVersie", "2"),
                    new XElement(ns + "BerichtSubversie", "3"),
                    new XElement(ns + "Afzender", Sender),
                    new XElement(ns + "Ontvanger", grantorCode),
                    new XElement(
                        ns + "BerichtIdentificatie",
                        new XElement(ns + "Identificatie", message.Identification.Length > 0 ? message.Identification : BudgetClosingMessage.IdentificationFor(message.Id)),
                        new XElement(ns + "Dagtekening", Date(message.DateSent))),
                    new XElement(ns + "XsdVersie", new XElement(ns + "BasisschemaXsdVersie", schema.XsdVersion), new XElement(ns + "BerichtXsdVersie", schema.XsdVersion))),
                new XElement(
                    ns + "Client",
                    new XElement(ns + "Bsn", bsn),
                    new XElement(
                        ns + "Budget",
                        new XElement(ns + "Budgetidentificatie", budgetKey),
                        new XElement(
                            ns + "Zorgfunctiebudget",
                            new XElement(ns + "Zorgfunctie", message.CareFunctionCode),
                            new XElement(ns + "Begindatum", Date(message.PeriodStart)),
                            new XElement(ns + "Einddatum", Date(message.PeriodEnd)),
                            new XElement(ns + "RedenAfsluiting", BudgetClosingMessage.ReasonCode(message.Reason)),
                            new XElement(ns + "Bedrag", message.GrantedCents),
                            new XElement(ns + "BestedBedrag", message.SpentCents),
                            new XElement(ns + "VerplichtBedrag", message.CommittedCents))))));
        document.Validate(schema.Schemas, (_, e) => throw new InvalidOperationException($"The 507 we produced fails its schema: {e.Message}"));
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Reads a 508: the grantor (Afzender), the identity of the 507 it answers, and every retour code in it.
    /// Throws <see cref="Retour508Exception"/> when it is not a valid 508.
    /// </summary>
    public static (string Sender, string Identification, IReadOnlyList<string> Codes) ReadRetour(byte[] content)
    {
        var schema = IpgbSchemas.For("508", IpgbVersion.V23);
        XDocument document;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var reader = XmlReader.Create(stream, SafeXml.ValidatingSettings(schema.Schemas, 1_000_000));
            document = XDocument.Load(reader);
        }
        catch (Exception ex) when (ex is XmlException or XmlSchemaValidationException)
        {
            throw new Retour508Exception($"Geen geldig 508-bericht: {SafeXml.Describe(ex)}.");
        }

        XNamespace ns = schema.Namespace;
        var header = document.Root!.Element(ns + "Header")!;
        var codes = document.Descendants(ns + "RetourCode").Select(c => c.Value).ToList();
        return (header.Element(ns + "Afzender")!.Value, header.Element(ns + "BerichtIdentificatie")!.Element(ns + "Identificatie")!.Value, codes);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class Retour508Exception(string message) : Exception(message);
