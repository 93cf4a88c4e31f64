using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using OpenPgb.Core.Access;
using OpenPgb.Core.Common;

namespace OpenPgb.Web.Security;

/// <summary>
/// Turns the refusals of services into status pages, once for every page: not visible in this scope → 404, not
/// allowed for this user → 403, an action that does not fit the current state (e.g. signing twice) → 409.
/// Business-rule refusals are shown on the page itself by the page model. Anything else is a defect and stays an
/// exception: the error page (500) and a log line.
/// </summary>
public sealed class DomainExceptionFilter : IAsyncPageFilter
{
    /// <summary>The status a refusal answers with; null for an exception that is not a refusal.</summary>
    public static int? StatusOf(Exception? exception) => exception switch
    {
        NotVisibleException => StatusCodes.Status404NotFound,
        NotAllowedException => StatusCodes.Status403Forbidden,
        IllegalTransitionException => StatusCodes.Status409Conflict,
        _ => null,
    };

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (StatusOf(executed.Exception) is { } code && !executed.ExceptionHandled)
        {
            executed.ExceptionHandled = true;
            executed.Result = new StatusCodeResult(code);
        }
    }
}
