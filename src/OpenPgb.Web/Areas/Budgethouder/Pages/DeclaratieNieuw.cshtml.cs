using OpenPgb.Core.Claims;
using OpenPgb.Web.Pages;

namespace OpenPgb.Web.Areas.Budgethouder.Pages;

/// <summary>The budget holder submits for an informal carer (family or friend without their own account).</summary>
public sealed class DeclaratieNieuwModel(ClaimQueries queries, ClaimService claims)
    : ClaimFormPageModel(queries, claims, informalCarersOnly: true, "/budgethouder/declaraties", "Declaratie {0} is ingediend; keur hem hieronder goed.");
