namespace Grounded.Testing;

/// <summary>Removing a test's folder when background work (a key's re-read, a last-used stamp) may still hold a file in it.</summary>
public static class Folders
{
    /// <summary>Deletes <paramref name="path"/> and everything in it, trying again for up to two seconds while a file is still open.</summary>
    public static async Task DeleteAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 40)
            {
                await Task.Delay(50);
            }
        }
    }
}
