package eu.guichet.catalogue;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.catalogue.internal.CatalogueRepository;
import eu.guichet.problem.NotFoundException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.CurrentUser;

/**
 * Each signed-in user's basket: the published datasets (and chosen variables) an access application will start
 * from. The access module reads it with {@link #items(CurrentUser)}.
 */
@Service
public class Basket {

    /** More is not a plausible application; the bound keeps a basket from growing without end. */
    static final int MAX_ITEMS = 50;

    private final CatalogueRepository repository;
    private final Clock clock;

    Basket(CatalogueRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<BasketItem> items(CurrentUser user) {
        return repository.basket(user.id()).stream().flatMap(row -> item(row).stream()).toList();
    }

    /** The dataset as it stands in the user's basket, if it is there. */
    @Transactional(readOnly = true)
    public Optional<BasketItem> item(CurrentUser user, DatasetId datasetId) {
        return repository.basket(user.id()).stream().filter(row -> row.dataset().equals(datasetId)).findFirst()
                .flatMap(this::item);
    }

    private Optional<BasketItem> item(CatalogueRepository.BasketRow row) {
        return repository.find(row.dataset()).map(d -> new BasketItem(d.id(), d.description().identifier(),
                d.description().title(), row.variables(), row.addedAt()));
    }

    /**
     * Puts a published dataset in the basket, or replaces its chosen variables when it is there already.
     *
     * @param variables {@code TABLE.COLUMN} names of the dataset's variables; empty: decide later
     */
    @Transactional
    public List<BasketItem> put(CurrentUser user, DatasetId datasetId, List<String> variables) {
        Dataset dataset = repository.find(datasetId).filter(d -> d.status() == DatasetStatus.PUBLISHED)
                .orElseThrow(() -> new NotFoundException("catalogue.dataset_not_found",
                        "No published dataset " + datasetId + "."));
        Set<String> known = new LinkedHashSet<>();
        dataset.description().variables().forEach(v -> known.add(v.toString()));
        List<String> chosen = variables == null ? List.of() : List.copyOf(new LinkedHashSet<>(variables));
        List<ValidationException.FieldError> unknown = chosen.stream().filter(v -> !known.contains(v))
                .map(v -> new ValidationException.FieldError("variables", "not a variable of this dataset"))
                .distinct().toList();
        if (!unknown.isEmpty()) {
            throw new ValidationException("catalogue.variable_unknown",
                    "Some chosen variables are not variables of this dataset.", unknown);
        }
        List<CatalogueRepository.BasketRow> rows = repository.basket(user.id());
        boolean present = rows.stream().anyMatch(r -> r.dataset().equals(datasetId));
        if (!present && rows.size() >= MAX_ITEMS) {
            throw new ValidationException("catalogue.basket_full",
                    "A basket holds at most " + MAX_ITEMS + " datasets.");
        }
        repository.putInBasket(user.id(), datasetId, chosen, clock.instant());
        return items(user);
    }

    @Transactional
    public List<BasketItem> remove(CurrentUser user, DatasetId datasetId) {
        if (!repository.removeFromBasket(user.id(), datasetId)) {
            throw new NotFoundException("catalogue.basket_item_not_found", "This dataset is not in your basket.");
        }
        return items(user);
    }
}
