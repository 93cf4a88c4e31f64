using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using OpenPgb.Core.Common;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Parties;

namespace OpenPgb.Core.Ipgb;

/// <summary>What could be read of a header without trusting the rest of the message.</summary>
public sealed record HeaderSniff(
    string? Namespace,
    IpgbSchema? Schema,
    string? MessageCode,
    string? Sender,
    string? Identification,
    DateOnly? DateSent)
{
    /// <summary>The header can be answered with a 502: we know who sent what, in a version we speak.</summary>
    public bool IsReadable => Schema is not null && Sender is not null && Identification is not null && DateSent is not null;
}

/// <summary>The outcome of the schema layer: either a message, or why it failed (retour 0001).</summary>
public sealed record SchemaResult(Message501? Message, string ContentHash, string? Failure);

/// <summary>
/// Reads a 501 in two passes: a header sniff that tolerates a broken body (so a 502 can still be addressed), then a
/// validating load against the XSD of the message's own namespace.
/// </summary>
public static class Message501Reader
{
    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    public static HeaderSniff SniffHeader(ReadOnlyMemory<byte> raw)
    {
        string? ns = null;
        string? code = null, sender = null, identification = null;
        DateOnly? dateSent = null;
        try
        {
            using var stream = new MemoryStreamReader(raw).Stream;
            using var reader = XmlReader.Create(stream, SafeXml.ReaderSettings(raw.Length + 1024L));
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                return new HeaderSniff(null, null, null, null, null, null);
            }

            ns = reader.NamespaceURI;
            if (reader.LocalName != "Bericht")
            {
                return new HeaderSniff(ns, null, null, null, null, null);
            }

            if (!reader.ReadToDescendant("Header", ns))
            {
                return new HeaderSniff(ns, IpgbSchemas.ForNamespace(ns), null, null, null, null);
            }

            var headerDepth = reader.Depth;
            reader.Read();
            while (!reader.EOF && reader.Depth > headerDepth)
            {
                if (reader.Depth > SafeXml.MaxDepth)
                {
                    return new HeaderSniff(ns, null, null, null, null, null);
                }

                if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != ns)
                {
                    reader.Read();
                    continue;
                }

                // ReadText moves past the element, so the loop must not Read() again after it.
                switch (reader.LocalName)
                {
                    case "BerichtCode":
                        code = ReadText(reader);
                        break;
                    case "Afzender":
                        sender = ReadText(reader);
                        break;
                    case "Identificatie":
                        identification = ReadText(reader);
                        break;
                    case "Dagtekening":
                        dateSent = DateOnly.TryParseExact(ReadText(reader), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
                        break;
                    default:
                        reader.Read();
                        break;
                }
            }
        }
        catch (XmlException)
        {
            return new HeaderSniff(ns, null, null, null, null, null);
        }

        var schema = IpgbSchemas.ForNamespace(ns);
        var plausible = schema is not null
            && Grantors.Grantor.IsValidCode(sender)
            && identification is { Length: >= 1 and <= 12 };
        return plausible
            ? new HeaderSniff(ns, schema, code, sender, identification, dateSent)
            : new HeaderSniff(ns, schema, code, null, null, null);
    }

    /// <summary>Validates against the schema of <paramref name="schema"/> and maps the message.</summary>
    public static SchemaResult Load(ReadOnlyMemory<byte> raw, IpgbSchema schema)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStreamReader(raw).Stream;
            using var reader = XmlReader.Create(stream, SafeXml.ValidatingSettings(schema.Schemas, raw.Length + 1024L));
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlSchemaValidationException ex)
        {
            // Described without the parser's text: that may quote a value, a BSN for one, and the failure is logged.
            return new SchemaResult(null, Sha256Hex.Of(raw.Span), "Schema: " + SafeXml.Describe(ex));
        }
        catch (XmlException ex)
        {
            return new SchemaResult(null, Sha256Hex.Of(raw.Span), "XML: " + SafeXml.Describe(ex));
        }

        var hash = CanonicalHash(document);
        if (document.Descendants().Attributes().Any(a => a.Name.NamespaceName == XsiNamespace))
        {
            // xsi:schemaLocation, xsi:type and friends would let a sender steer validation; never accepted.
            return new SchemaResult(null, hash, "Schema: xsi attributes are not allowed.");
        }

        if (schema.MessageCode != "501")
        {
            return new SchemaResult(null, hash, $"Message {schema.MessageCode} is not accepted on this channel.");
        }

        return new SchemaResult(Map(document, schema), hash, null);
    }

    /// <summary>
    /// The hash that decides "same content" for replays: the document without insignificant white space, comments or
    /// declaration, as UTF-8. Two serialisations of the same message hash alike.
    /// </summary>
    public static string CanonicalHash(XDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false, Encoding = new System.Text.UTF8Encoding(false) }))
        {
            document.Root!.WriteTo(writer);
        }

        return Sha256Hex.Of(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static string ReadText(XmlReader reader)
    {
        // ReadElementContentAsString throws on child elements, which makes a nested header unreadable.
        var text = reader.ReadElementContentAsString();
        return text.Trim();
    }

    private static Message501 Map(XDocument document, IpgbSchema schema)
    {
        XNamespace ns = schema.Namespace;
        var root = document.Root!;
        var header = root.Element(ns + "Header")!;
        var id = header.Element(ns + "BerichtIdentificatie")!;
        var client = root.Element(ns + "Client")!;
        var budget = client.Element(ns + "Budget")!;

        var careFunctionBudgets = budget.Element(ns + "Zorgfunctiebudgetten")!.Elements(ns + "Zorgfunctiebudget")
            .Select(b => new CareFunctionBudgetRecord(
                Text(b, ns + "Zorgfunctie")!,
                Date(b, ns + "Begindatum"),
                Date(b, ns + "Einddatum"),
                long.Parse(Text(b, ns + "Bedrag")!, CultureInfo.InvariantCulture),
                Text(b, ns + "Verantwoordingsvrijbedrag") is { } v ? long.Parse(v, CultureInfo.InvariantCulture) : null))
            .ToList();

        var representatives = schema.Version switch
        {
            // 2.3: role, rights and correspondence as sent.
            IpgbVersion.V23 => (budget.Element(ns + "Vertegenwoordigers")?.Elements(ns + "Vertegenwoordiger") ?? [])
                .Select(r => new RepresentativeRecord(
                    Text(r, ns + "Rol")!,
                    Text(r, ns + "Bsn")!,
                    Date(r, ns + "Geboortedatum"),
                    Name(r.Element(ns + "Naam")!, ns),
                    Text(r, ns + "Bevoegdheid") == "1" ? RepresentativeRights.Read : RepresentativeRights.ReadWrite,
                    Text(r, ns + "CorrespondentieOntvangen") == "1")),
            // 2.0.2 has no rights or correspondence: a relation gets write rights and receives correspondence (IPGB.md).
            IpgbVersion.V202 => (budget.Element(ns + "Relaties")?.Elements(ns + "Relatie") ?? [])
                .Select(r => new RepresentativeRecord(
                    Text(r, ns + "Soort")!,
                    Text(r, ns + "Bsn")!,
                    Date(r, ns + "Geboortedatum"),
                    Name(r.Element(ns + "Naam")!, ns),
                    RepresentativeRights.ReadWrite,
                    ReceivesCorrespondence: true)),
        };

        var contactElement = budget.Element(ns + "Contact");
        var contact = contactElement is null
            ? null
            : new ContactAddress(
                Text(contactElement, ns + "Straatnaam")!,
                Text(contactElement, ns + "Huisnummer")!,
                Text(contactElement, ns + "Huisnummertoevoeging"),
                Text(contactElement, ns + "Postcode")!,
                Text(contactElement, ns + "Plaatsnaam")!,
                Text(contactElement, ns + "Landcode")!);

        return new Message501(
            schema.Version,
            new MessageHeader(
                Text(header, ns + "BerichtCode")!,
                Text(header, ns + "Afzender")!,
                Text(header, ns + "Ontvanger")!,
                Text(id, ns + "Identificatie")!,
                Date(id, ns + "Dagtekening")),
            new ClientRecord(
                Text(client, ns + "Bsn")!,
                Date(client, ns + "Geboortedatum"),
                Name(client.Element(ns + "Naam")!, ns),
                new BudgetRecord(
                    Text(budget, ns + "Budgetidentificatie")!,
                    Text(budget, ns + "BudgetidentificatieOud"),
                    Enum.Parse<Law>(Text(budget, ns + "Wet")!, ignoreCase: true),
                    Date(budget, ns + "Toekenningsdatum"),
                    careFunctionBudgets,
                    representatives.ToList(),
                    contact)));
    }

    private static PersonName Name(XElement naam, XNamespace ns) =>
        new(Text(naam, ns + "Geslachtsnaam")!, Text(naam, ns + "Voorvoegsel"), Text(naam, ns + "Voorletters"));

    private static string? Text(XElement parent, XName name) => parent.Element(name)?.Value.Trim();

    private static DateOnly Date(XElement parent, XName name) =>
        DateOnly.ParseExact(Text(parent, name)!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Wraps memory in a stream without copying.</summary>
    private readonly struct MemoryStreamReader(ReadOnlyMemory<byte> memory)
    {
        public Stream Stream => System.Runtime.InteropServices.MemoryMarshal.TryGetArray(memory, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(memory.ToArray(), writable: false);
    }
}
