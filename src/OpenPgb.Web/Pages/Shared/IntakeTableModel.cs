using OpenPgb.Core.Ipgb;

namespace OpenPgb.Web.Pages;

/// <summary>The intake-log table partial: one page of rows, where detail links go, and whether to show the grantor.</summary>
public sealed record IntakeTableModel(IntakePage Page, string DetailArea, bool ShowGrantor);
