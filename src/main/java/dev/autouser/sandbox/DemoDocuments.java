package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.Document;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A few plausible documents in db1, db2 and reporting, so the databases exist and hold something. */
final class DemoDocuments {
    private DemoDocuments() {
    }

    static void insert(SandboxServer server) {
        server.insertDocuments("db1", "customers", List.of(
                customer(1, "Ada Lovelace", "London"), customer(2, "Grace Hopper", "New York"),
                customer(3, "Alan Turing", "Manchester"), customer(4, "Katherine Johnson", "Hampton"),
                customer(5, "Edsger Dijkstra", "Austin")));
        server.insertDocuments("db1", "orders", List.of(
                order(101, 1, 42.50), order(102, 2, 17.00), order(103, 1, 99.90), order(104, 4, 5.25)));
        server.insertDocuments("db2", "orders", List.of(order(201, 3, 12.00), order(202, 5, 250.00)));
        server.insertDocuments("db2", "inventory", List.of(
                new Document("_id", "sku-1").append("name", "widget").append("stock", 120),
                new Document("_id", "sku-2").append("name", "gadget").append("stock", 8)));
        List<Document> sales = new ArrayList<>();
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        for (int day = 0; day < 7; day++) {
            sales.add(new Document("_id", day + 1).append("day", today.minus(day, ChronoUnit.DAYS))
                    .append("orders", 20 + day * 3).append("revenue", 1000.0 + day * 137.5));
        }
        server.insertDocuments("reporting", "daily_sales", sales);
    }

    private static Document customer(int id, String name, String city) {
        return new Document("_id", id).append("name", name).append("city", city);
    }

    private static Document order(int id, int customer, double total) {
        return new Document("_id", id).append("customerId", customer).append("total", total);
    }
}
