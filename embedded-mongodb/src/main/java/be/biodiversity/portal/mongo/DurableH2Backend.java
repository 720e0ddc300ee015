package be.biodiversity.portal.mongo;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * The H2 store, committed after every write before the write is acknowledged. H2's own background commit runs
 * about once a second, so a process killed with {@code kill -9} would lose the writes of that last second,
 * writes its clients were told had succeeded. The commit writes to the file (the operating system's cache);
 * it does not force it to the disk, so a power cut can still lose the last writes.
 */
final class DurableH2Backend implements MongoBackend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "drop", "dropdatabase", "createindexes", "dropindexes", "renamecollection", "collmod");

    private final H2Backend store;

    DurableH2Backend(H2Backend store) {
        this.store = store;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document answer = store.handleMessage(message);
        Document command = message.getDocument();
        if (command != null && !command.isEmpty() && isWrite(command.keySet().iterator().next())) {
            store.commit();
        }
        return answer;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document answer = store.handleCommand(channel, database, command, query);
        if (isWrite(command)) {
            store.commit();
        }
        return answer;
    }

    @Override
    public void dropDatabase(String database) {
        store.dropDatabase(database);
        store.commit();
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return store.handleQuery(query);
    }

    @Override
    public void handleClose(Channel channel) {
        store.handleClose(channel);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return store.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return store.getServerStatus();
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        store.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return store.getClock();
    }

    @Override
    public void enableOplog() {
        store.enableOplog();
    }

    @Override
    public void disableOplog() {
        store.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return store.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        store.version(version);
        return this;
    }

    static boolean isWrite(String command) {
        return command != null && WRITES.contains(command.toLowerCase(Locale.ROOT));
    }
}
