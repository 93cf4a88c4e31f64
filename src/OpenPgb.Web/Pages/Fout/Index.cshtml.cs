using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenPgb.Web.Pages.Fout;

[IgnoreAntiforgeryToken]
public sealed class IndexModel : PageModel
{
    public string Title { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Explanation) = code switch
        {
            403 => ("Geen toegang", "U heeft geen toegang tot deze pagina met uw huidige rol."),
            404 => ("Pagina niet gevonden", "Deze pagina of dit gegeven bestaat niet, of u heeft er geen toegang toe."),
            409 => ("Dit kan nu niet", "Deze actie past niet bij de huidige stand van zaken, bijvoorbeeld omdat u al hebt ondertekend. Ververs de pagina en probeer het opnieuw."),
            429 => ("Te veel verzoeken", "Probeer het over een minuut opnieuw."),
            _ => ("Er ging iets mis", "Probeer het later opnieuw. Blijft het probleem, neem dan contact op met de SVB."),
        };
    }
}
