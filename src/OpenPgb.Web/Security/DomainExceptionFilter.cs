using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using OpenPgb.Core.Common;

namespace OpenPgb.Web.Security;

/// <summary>
/// Turns the refusals of services into status pages, once for every page: not visible in this scope → 404, not
/// allowed for this user → 403, an action that does not fit the current state (e.g. signing twice) → 409.
/// Business-rule refusals are shown on the page itself by the page model.
/// </summary>
public sealed class DomainExceptionFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var status = executed.Exception switch
        {
            KeyNotFoundException => StatusCodes.Status404NotFound,
            UnauthorizedAccessException => StatusCodes.Status403Forbidden,
            IllegalTransitionException => StatusCodes.Status409Conflict,
            _ => (int?)null,
        };
        if (status is { } code && !executed.ExceptionHandled)
        {
            executed.ExceptionHandled = true;
            executed.Result = new StatusCodeResult(code);
        }
    }
}
