namespace OpenPgb.Core.Ipgb;

/// <summary>How the portal names the way a message came in.</summary>
public static class IntakeTexts
{
    public static string NameOf(MessageChannel channel) => channel switch
    {
        MessageChannel.Http => "Koppelvlak (https)",
        MessageChannel.File => "Bestand",
        MessageChannel.Conversion => "Conversie",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown message channel."),
    };
}
