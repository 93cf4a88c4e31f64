using System.Diagnostics;

namespace OpenPgb.Testing;

/// <summary>The text of a PDF as a reader gets it, through poppler's pdftotext (Debian poppler-utils; the test command installs it).</summary>
public static class PdfText
{
    public static Task<string> ExtractAsync(byte[] pdf) => RunAsync("pdftotext", pdf, "-layout", "-enc", "UTF-8");

    /// <summary>poppler's pdfinfo: with "-struct-text", the structure tree (tags and their text) of a tagged PDF.</summary>
    public static Task<string> InfoAsync(byte[] pdf, params string[] options) => RunAsync("pdfinfo", pdf, options);

    private static async Task<string> RunAsync(string tool, byte[] pdf, params string[] options)
    {
        var input = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(input, pdf);
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var option in options)
            {
                start.ArgumentList.Add(option);
            }

            start.ArgumentList.Add(input);
            if (tool == "pdftotext")
            {
                start.ArgumentList.Add("-");
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not start; install poppler-utils.");
            var text = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? text : throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error}");
        }
        finally
        {
            File.Delete(input);
        }
    }
}
