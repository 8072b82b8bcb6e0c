package dev.shop.lambda;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * A Lambda instance's own database, reached with the {@code spring.datasource.*} properties it was started with:
 * for rows its other functions would have written (a price replica fed by events that reach another Lambda).
 */
public record FunctionDatabase(String url, String user, String password) {

    public static FunctionDatabase of(Map<String, ?> properties) {
        Object url = properties.get("spring.datasource.url");
        if (url == null) {
            throw new IllegalArgumentException("no spring.datasource.url among the instance's properties");
        }
        Object user = properties.get("spring.datasource.username");
        Object password = properties.get("spring.datasource.password");
        return new FunctionDatabase(url.toString(), user == null ? null : user.toString(),
                password == null ? null : password.toString());
    }

    /** Runs one statement with positional parameters; the number of rows it changed. */
    public int update(String sql, Object... parameters) throws SQLException {
        Properties login = new Properties();
        if (user != null) {
            login.setProperty("user", user);
        }
        if (password != null) {
            login.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection(url, login);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    @Override
    public String toString() {
        return "FunctionDatabase[" + url.replaceAll("password=[^&]*", "password=***") + ", user=" + user + "]";
    }
}
