using System.Security.Claims;
using OpenPgb.Core.Data;

namespace OpenPgb.Web.Security;

/// <summary>
/// Sets the data scope of the request from the signed-in user, once. Every query then passes the grantor and citizen
/// filters of the DbContext: an employee sees only the active grantor, a citizen only their own and represented
/// grants, an anonymous request nothing.
/// </summary>
public sealed class AccessScopeMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, AccessScopeAccessor accessor)
    {
        accessor.Current = ScopeFor(context.User);
        return next(context);
    }

    public static AccessScope ScopeFor(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return AccessScope.None;
        }

        if (user.IsInRole(PortalClaims.OperatorRole))
        {
            return AccessScope.System;
        }

        if (user.IsInRole(PortalClaims.EmployeeRole))
        {
            return user.ActiveGrantorOf() is { } active ? AccessScope.ForGrantors([active]) : AccessScope.None;
        }

        if (user.IsInRole(PortalClaims.CitizenRole) && user.BsnOf() is { } bsn)
        {
            return AccessScope.ForCitizen(bsn);
        }

        if (user.IsInRole(PortalClaims.CareProviderRole) && user.CareProviderOf() is { } providerId)
        {
            return AccessScope.ForCareProvider(providerId);
        }

        return AccessScope.None;
    }
}
