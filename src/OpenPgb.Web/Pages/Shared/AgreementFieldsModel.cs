namespace OpenPgb.Web.Pages;

public sealed record AgreementFieldsModel(AgreementForm Form, IReadOnlyList<(string Code, string Name)> CareFunctions, bool WholePackage);
