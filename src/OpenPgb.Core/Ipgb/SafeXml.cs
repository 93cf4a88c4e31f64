using System.Xml;
using System.Xml.Schema;

namespace OpenPgb.Core.Ipgb;

/// <summary>
/// Reader settings for anything that arrives from outside: no DTDs (so no entity expansion, billion laughs or
/// quadratic blow-up), no resolver (no external entities or remote schemas), bounded size, strict characters.
/// </summary>
public static class SafeXml
{
    /// <summary>Our messages nest at most 6 deep; anything much deeper is hostile.</summary>
    public const int MaxDepth = 24;

    public static XmlReaderSettings ReaderSettings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        MaxCharactersFromEntities = 1,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CheckCharacters = true,
        CloseInput = false,
    };

    public static XmlReaderSettings ValidatingSettings(XmlSchemaSet schemas, long maxCharacters)
    {
        var settings = ReaderSettings(maxCharacters);
        settings.ValidationType = ValidationType.Schema;
        settings.Schemas = schemas;
        // Deliberately without ProcessInlineSchema and ProcessSchemaLocation: a message cannot choose its schema.
        settings.ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += static (sender, e) =>
        {
            // Keep where it went wrong, and which element: the Dutch description for people is built from those.
            var problem = new XmlSchemaValidationException(e.Message, e.Exception, e.Exception?.LineNumber ?? 0, e.Exception?.LinePosition ?? 0);
            if (sender is XmlReader { LocalName.Length: > 0 } reader)
            {
                problem.Data[ElementKey] = reader.LocalName;
            }

            throw problem;
        };
        return settings;
    }

    private const string ElementKey = "OpenPgb.Element";

    /// <summary>
    /// What was wrong with a file we read, in Dutch, for the person who uploaded it: where (line, position, element)
    /// and what kind of problem. The parser's own English text stays out of the portal; it may also quote values,
    /// so it is not logged either.
    /// </summary>
    public static string Describe(Exception problem)
    {
        var (line, position) = problem switch
        {
            XmlSchemaException schema => (schema.LineNumber, schema.LinePosition),
            XmlException xml => (xml.LineNumber, xml.LinePosition),
            _ => (0, 0),
        };
        var where = line > 0 ? $"regel {line}, positie {position}" : "ergens in het bestand";
        var element = problem.Data[ElementKey] is string name ? $" (element {name})" : string.Empty;
        var english = problem.Message;
        var what = problem switch
        {
            XmlException when english.Contains("DTD", StringComparison.Ordinal) => "het bestand bevat een DTD; die is niet toegestaan",
            XmlException => "het bestand is geen goed gevormde XML",
            _ when english.Contains("invalid child element", StringComparison.Ordinal) => "dit element is hier niet toegestaan of staat op de verkeerde plaats",
            _ when english.Contains("incomplete content", StringComparison.Ordinal) => "hier ontbreekt een verplicht element",
            _ when english.Contains("is not declared", StringComparison.Ordinal) => "dit element of deze namespace hoort niet bij dit bericht",
            _ when english.Contains("attribute", StringComparison.OrdinalIgnoreCase) => "een attribuut ontbreekt of is niet toegestaan",
            _ when english.Contains("value", StringComparison.OrdinalIgnoreCase) => "de waarde heeft niet de vorm of lengte die het schema vraagt",
            _ => "de inhoud voldoet niet aan het schema",
        };
        return $"{where}{element}: {what}";
    }
}
