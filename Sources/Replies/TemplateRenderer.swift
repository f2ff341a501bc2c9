/// Renders parsed template nodes with values.
enum TemplateRenderer {
    static func render(_ nodes: [TemplateNode], values: [String: TemplateValue], record: [String: String] = [:]) -> String {
        var out = ""
        for node in nodes {
            switch node {
            case .literal(let text):
                out += text
            case .value(let name):
                if case .text(let text) = values[name] { out += text }
            case .field(let name):
                out += record[name] ?? ""
            case .conditional(let name, let then, let otherwise):
                let branch = (values[name]?.isTruthy ?? false) ? then : otherwise
                out += render(branch, values: values, record: record)
            case .loop(let name, let body):
                if case .list(let items) = values[name] {
                    for item in items { out += render(body, values: values, record: item) }
                }
            }
        }
        return out
    }
}
