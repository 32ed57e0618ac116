workspace "Shop" "Drawn by Decider" {
    model {
        c1 = person "web"
        system = softwareSystem "Shop" {
            c2 = container "edge" "" "" "Gateway"
            c3 = container "orders" "team shop; scaled out" "" "Service"
            c4 = container "billing" "team money" "" "Service"
            c5 = container "bus" "" "" "Queue"
            c6 = container "orders db" "team shop; One schema per module" "" "Database"
        }
        c1 -> c2 "Uses" "sync"
        c2 -> c3 "Calls" "sync"
        c3 -> c6 "Reads from and writes to" "sync"
        c3 -> c5 "Sends events to" "async"
        c5 -> c4 "Sends events to" "async"
    }
    views {
        container system "Containers" {
            include *
            autoLayout lr
        }
        styles {
            element "Database" {
                shape Cylinder
            }
            element "Queue" {
                shape Pipe
            }
            element "Gateway" {
                shape Hexagon
            }
            element "Client" {
                shape Person
            }
        }
    }
}
