namespace Cantate.Sirene.Tests;

/// <summary>Temporary folders and the shared sample files.</summary>
internal static class TestFiles
{
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cantate.slnx"))) directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("Cantate.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public static string SireneSample(string fileName) => Path.Combine(RepositoryRoot, "..", "shared", "data", "sirene", fileName);
}

/// <summary>A folder deleted after the test.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cantate-sirene-tests", Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
