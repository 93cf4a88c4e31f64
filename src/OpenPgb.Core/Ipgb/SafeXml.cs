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
        settings.ValidationEventHandler += static (_, e) => throw new XmlSchemaValidationException(e.Message, e.Exception);
        return settings;
    }
}
