using Cantate.Web.Modules.Invoices;

namespace Cantate.Web.Tests.Invoices;

/// <summary>The directory flush that makes a deposited file's directory entry durable calls the system for real.</summary>
public sealed class DurableDirectoryTests
{
    [Fact]
    public void An_existing_directory_is_flushed_and_a_missing_one_is_an_error_not_a_silent_success()
    {
        var directory = Directory.CreateTempSubdirectory("cantate-fsync-");
        try
        {
            DurableDirectory.Flush(directory.FullName);
            var missing = Path.Combine(directory.FullName, "absent");
            var error = Assert.Throws<IOException>(() => DurableDirectory.Flush(missing));
            Assert.Contains("absent", error.Message, StringComparison.Ordinal);
            // A file is not a directory: O_DIRECTORY makes open fail rather than flush something else.
            var file = Path.Combine(directory.FullName, "fichier.xml");
            File.WriteAllText(file, "<x/>");
            Assert.Throws<IOException>(() => DurableDirectory.Flush(file));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
