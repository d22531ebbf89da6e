package io.dastyar.knowledge.article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.dastyar.system.Language;

/** The article files under the knowledge-base folder: {@code <lang>/<id>.md}. */
public final class ArticleFiles {

    /** One readable file: its article, or the problem that keeps it out. */
    public record Entry(String file, Optional<Article> article, Optional<ArticleProblem> problem) {
    }

    private final Path dir;
    private final ArticleParser parser = new ArticleParser();

    public ArticleFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public List<Entry> read() {
        if (!Files.isDirectory(dir)) {
            return List.of(problem(dir.toString(), 0, "the knowledge-base folder does not exist"));
        }
        var entries = new ArrayList<Entry>();
        try (Stream<Path> files = Files.walk(dir, 2)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".md")).sorted().toList()) {
                Path relative = dir.relativize(file);
                if (relative.getNameCount() == 2 && Files.isRegularFile(file)) {
                    entries.add(read(file, relative));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Files.walk reports a file deleted while it walks (an editor's temporary file) this way.
            throw new IllegalStateException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
        return entries;
    }

    private Entry read(Path file, Path relative) {
        String name = relative.toString().replace('\\', '/');
        String folder = relative.getName(0).toString();
        Optional<Language> language = Language.fromTag(folder).filter(l -> l.tag().equals(folder));
        if (language.isEmpty()) {
            return problem(name, 0, "unknown language folder '" + folder + "': use en, fa, ar or az");
        }
        String fileName = relative.getFileName().toString();
        ArticleId id;
        try {
            id = new ArticleId(fileName.substring(0, fileName.length() - ".md".length()));
        } catch (IllegalArgumentException e) {
            return problem(name, 0, e.getMessage());
        }
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            return new Entry(name, Optional.of(parser.parse(id, language.get(), content)), Optional.empty());
        } catch (MalformedInputException e) {
            return problem(name, 0, "the file is not UTF-8 text");
        } catch (IOException e) {
            return problem(name, 0, "cannot read the file: " + e.getMessage());
        } catch (ArticleParser.InvalidArticleException e) {
            return problem(name, e.line(), e.getMessage());
        }
    }

    private static Entry problem(String file, int line, String message) {
        return new Entry(file, Optional.empty(), Optional.of(new ArticleProblem(file, line, message)));
    }
}
