using OpenPgb.Core.Claims;
using OpenPgb.Web.Pages;

namespace OpenPgb.Web.Areas.Zorgverlener.Pages;

public sealed class DeclaratieModel(ClaimQueries queries, ClaimService claims)
    : ClaimFormPageModel(queries, claims, informalCarersOnly: false, "Zorgverlener", "Declaratie {0} is ingediend. De budgethouder keurt hem goed.");
