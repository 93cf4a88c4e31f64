using OpenPgb.Core.Risk;

namespace OpenPgb.Web.Pages;

/// <summary>The signal-list partial: its rows, the area its links go to, and whether to show the grantor (operators).</summary>
public sealed record RiskSignalListModel(IReadOnlyList<RiskSignalRow> Rows, string Area, bool ShowGrantor);
