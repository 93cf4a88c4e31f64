namespace OpenPgb.Core.Grants;

/// <summary>The law a budget is granted under; iPgb element Wet.</summary>
public enum Law
{
    Wmo,
    Jw,
    Wlz,
}
