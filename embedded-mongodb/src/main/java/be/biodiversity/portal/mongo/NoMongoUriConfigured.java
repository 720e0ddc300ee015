package be.biodiversity.portal.mongo;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when neither {@code spring.mongodb.uri} nor {@code spring.mongodb.host} points at a MongoDB server. */
class NoMongoUriConfigured extends SpringBootCondition {

    static final String URI = "spring.mongodb.uri";
    static final String HOST = "spring.mongodb.host";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        if (StringUtils.hasText(env.getProperty(URI))) {
            return ConditionOutcome.noMatch(URI + " is set");
        }
        if (StringUtils.hasText(env.getProperty(HOST))) {
            return ConditionOutcome.noMatch(HOST + " is set");
        }
        return ConditionOutcome.match("no MongoDB server configured");
    }
}
