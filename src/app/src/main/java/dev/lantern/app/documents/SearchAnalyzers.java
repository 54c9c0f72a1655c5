package dev.lantern.app.documents;

import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzer of the chunks' text for BM25, defined for both backends (Hibernate Search has no "english"
 * analyzer unless one is defined, HSEARCH000353): standard tokenizer, possessives dropped, lower case,
 * accents folded, English stop words removed, Porter stemming. Named in {@code persistence.xml}
 * ({@code hibernate.search.backend.analysis.configurer}).
 */
public class SearchAnalyzers implements LuceneAnalysisConfigurer, ElasticsearchAnalysisConfigurer {

    public static final String TEXT = "lantern_text";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(TEXT).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(EnglishPossessiveFilterFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class)
                .tokenFilter(StopFilterFactory.class)
                .tokenFilter(PorterStemFilterFactory.class);
    }

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.analyzer(TEXT).custom()
                .tokenizer("standard")
                .tokenFilters("lowercase", "asciifolding", "lantern_english_stop", "porter_stem");
        context.tokenFilter("lantern_english_stop").type("stop").param("stopwords", "_english_");
    }
}
