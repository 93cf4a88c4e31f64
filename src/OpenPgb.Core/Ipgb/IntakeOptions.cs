namespace OpenPgb.Core.Ipgb;

/// <summary>Configuration section "Intake".</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>Largest message accepted, on every channel (IPGB.md: 1 MB on HTTP).</summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;
}
