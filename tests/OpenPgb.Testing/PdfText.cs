using System.Diagnostics;

namespace OpenPgb.Testing;

/// <summary>The text of a PDF as a reader gets it, through poppler's pdftotext (Debian poppler-utils; the test command installs it).</summary>
public static class PdfText
{
    public static async Task<string> ExtractAsync(byte[] pdf)
    {
        var input = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(input, pdf);
            var start = new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", input, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext could not start; install poppler-utils.");
            var text = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? text : throw new InvalidOperationException($"pdftotext failed ({process.ExitCode}): {error}");
        }
        finally
        {
            File.Delete(input);
        }
    }
}
